import type { SiteApi } from '../api/site-api.ts';
import type { Emitter } from '../core/emitter.ts';
import type { Decision, PersonIdentifiers, SiteConfig } from '../core/types.ts';
import type { KeyValueStore } from '../storage/key-value-store.ts';

import type { AssentEvents } from '../../types/assent.d.ts';

/** What each window API event carries: the public types site owners get. */
export type { AssentEvents };

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
  /** Who the site said the visitor is (`assent.identify`), for this page only. */
  identity?: PersonIdentifiers;
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
