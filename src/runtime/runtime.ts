/**
 * The page's consent runtime: what the loader knows (config, decisions, visitor), and `commit`,
 * the one way a decision takes effect in the page (mirror, gates and Google Consent Mode, the
 * other tabs, `change`). The loader creates it; the manager, the only one that decides, drives
 * it; the bundles the loader imports by URL (manager, UI) reach the page through it.
 *
 * It sits below the manager and above storage and the integrations it applies, so that the
 * loader can hold it without holding any of the manager or the UI.
 */
import type { SiteApi } from '../api/site-api.ts';
import { labelRecord, mergeDecisions, validDecisions } from '../core/decision.ts';
import type { Emitter } from '../core/emitter.ts';
import type {
  ConsentProof,
  ConsentState,
  Decision,
  PersonIdentifiers,
  SiteConfig,
} from '../core/types.ts';
import type { ConsentModeBridge } from '../integrations/google-consent-mode.ts';
import type { KeyValueStore } from '../storage/key-value-store.ts';
import { clearMirror, writeMirror } from '../storage/sync-mirror.ts';
import { createTabSync } from './tab-sync.ts';

import type { AssentEvents } from '../../types/assent.d.ts';

/** What each window API event carries: the public types site owners get. */
export type { AssentEvents };

export interface Runtime {
  readonly projectId: string;
  /** The project's config, once known (fresh from the server, else cached). */
  config: SiteConfig | undefined;
  /** Decisions as stored, valid or not. */
  decisions: Record<string, Decision>;
  visitorId: string | undefined;
  /**
   * The secret the server bound `visitorId` to; sessions for it need it (issue 22 §1). The
   * manager reads it from storage when it first needs it (the loader has no use for it).
   */
  visitorSecret?: string | undefined;
  /** `test` consent types are asked and count (the script tag's `data-preview`). */
  readonly preview: boolean;
  /** Who the site said the visitor is (`assent.identify`), for this page only. */
  identity?: PersonIdentifiers;
  /**
   * The IAB strings in force on this page, kept by the chunks that make them (issues 20, 21):
   * the TCF chunk's TC and AC strings, the GPP chunk's GPP string. Each chunk replaces its key
   * whenever its string changes, before the decision that changed it is recorded (the GPP chunk
   * on `change`, which `commit` emits synchronously; the TCF chunk before it calls the manager),
   * and the manager copies them into each event's proof as it makes the events, so that an
   * event carries the strings its own decision produced. Absent until such a chunk runs.
   */
  proofExtras?: Pick<ConsentProof, 'tcf' | 'gpp'>;
  readonly store: KeyValueStore;
  readonly api: SiteApi;
  readonly emitter: Emitter<AssentEvents>;
  now(): Date;
  /** The visitor's languages, most preferred first. */
  readonly languages: readonly string[];
  /** The valid decisions, by label (none before the config is known). */
  valid(): Record<string, Decision>;
  /** The valid decisions' states, by label. */
  states(): Record<string, ConsentState>;
  /** Runs what the current states allow: gated markup, and Google Consent Mode. */
  apply(): void;
  /**
   * Makes new decisions take effect: in memory and the synchronous mirror, in the page (applied),
   * in the site's other tabs (unless they came from one), and emits `change`. Only the manager
   * calls it, after it validated them (and the tab sync, for what another tab's manager decided).
   */
  commit(decisions: Record<string, Decision>, fromOtherTab?: boolean): void;
  /** Forgets the visitor (`assent.reset()`): no decisions, no visitor id, no mirror; emits `change`. */
  forget(): void;
}

export interface RuntimeOptions {
  projectId: string;
  preview: boolean;
  store: KeyValueStore;
  api: SiteApi;
  emitter: Emitter<AssentEvents>;
  languages: readonly string[];
  /** Started by the loader first, synchronously, before any Google tag reads `dataLayer`. */
  consentMode: ConsentModeBridge;
  /**
   * Activates the gated markup the states allow: the loader's `applyGates`
   * (src/integrations/script-gate.ts), handed in so that the loader's second half carries no
   * second copy of it.
   */
  applyGates: (stateOf: (label: string) => ConsentState | undefined, nonce?: string) => unknown;
  /** The loader's CSP nonce, for the scripts it activates. */
  nonce?: string | undefined;
  /** @default () => new Date() */
  now?: () => Date;
}

export function createRuntime(options: RuntimeOptions): Runtime {
  const { projectId, consentMode } = options;
  const runtime: Runtime = {
    projectId,
    config: undefined,
    decisions: labelRecord(),
    visitorId: undefined,
    preview: options.preview,
    store: options.store,
    api: options.api,
    emitter: options.emitter,
    now: options.now ?? (() => new Date()),
    languages: options.languages,
    valid() {
      const config = runtime.config;
      return config
        ? validDecisions(
            runtime.decisions,
            config.consentTypes,
            runtime.now(),
            runtime.preview,
            config.defaultConsentDuration,
          )
        : labelRecord();
    },
    states() {
      return labelRecord(
        Object.entries(runtime.valid()).map(([label, decision]) => [label, decision.state]),
      );
    },
    apply() {
      const current = runtime.states();
      consentMode.update(runtime.config, current);
      // After Consent Mode: a gated inline script runs as it is activated, and must see the update.
      void options.applyGates((label) => current[label], options.nonce);
    },
    commit(incoming, fromOtherTab = false) {
      // Only what is later than what this tab holds: two tabs that decide at once, each hearing
      // of the other's decision after its own, converge on the later one (issue 22 §4).
      const merged = mergeDecisions(runtime.decisions, incoming);
      const changed = Object.keys(incoming).filter((l) => merged[l] !== runtime.decisions[l]);
      if (!changed.length) return;
      const decisions = labelRecord(changed.map((label) => [label, merged[label]!]));
      runtime.decisions = merged;
      // Before IndexedDB, synchronously: the next page's copy is never behind a withdrawal.
      writeMirror(projectId, { decisions: runtime.decisions });
      runtime.apply();
      if (!fromOtherTab) tabs.announce(decisions);
      runtime.emitter.emit('change', { states: runtime.states(), changed });
    },
    forget() {
      runtime.visitorId = undefined;
      runtime.decisions = labelRecord();
      clearMirror(projectId);
      // Gated markup that ran stays; Google tags hear that nothing is granted any more.
      runtime.apply();
      runtime.emitter.emit('change', { states: labelRecord<ConsentState>(), changed: [] });
    },
  };
  const tabs = createTabSync(projectId, (decisions) => runtime.commit(decisions, true));
  return runtime;
}
