import type { SiteApi } from '../api/site-api.ts';
import type { Emitter } from '../core/emitter.ts';
import type { ConsentState, Decision, SiteConfig } from '../core/types.ts';
import type { KeyValueStore } from '../storage/key-value-store.ts';

/** What each window API event carries. */
export interface AssentEvents extends Record<string, unknown> {
  ready: { states: Record<string, ConsentState> };
  change: { states: Record<string, ConsentState>; changed: string[] };
  'notice:show': { labels: string[] };
  'notice:hide': Record<string, never>;
  'preferences:show': Record<string, never>;
  /** A batch reached the server: how many events, how many still wait, how many were refused. */
  sync: { count: number; pending: number; deadLetter: number };
  error: { message: string };
}

/**
 * The state the loader owns and hands to the bundles it imports at run time (manager, UI).
 * They reach the page only through it.
 */
export interface Runtime {
  projectId: string;
  /** The project's config, once known (fresh from the server, else cached). */
  config: SiteConfig | undefined;
  /** Decisions as stored, valid or not. */
  decisions: Record<string, Decision>;
  visitorId: string | undefined;
  /** `test` consent types are asked and count (the script tag's `data-preview`). */
  preview: boolean;
  store: KeyValueStore;
  api: SiteApi;
  emitter: Emitter<AssentEvents>;
  now(): Date;
  /** The visitor's languages, most preferred first. */
  languages: readonly string[];
  /**
   * Records new decisions in memory, runs what they allow, and emits `change`. Unless they came
   * from another tab, they are announced to the other tabs of the site.
   */
  commit(decisions: Record<string, Decision>, fromOtherTab?: boolean): void;
}
