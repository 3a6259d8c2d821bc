/**
 * What each bundle the loader imports by URL (`manager.js`, `notice.js`, …) exports. The loader
 * may not import the manager or the UI, not even their types; they implement these instead.
 */
import type { ConsentAction, ConsentState } from '../core/types.ts';
import type { ApiResult } from '../api/site-api.ts';
import type { Runtime } from './runtime.ts';

/** The one place a decision is made: validate, store, apply, send, emit. */
export interface Manager {
  /**
   * Records a state per label; refuses the whole choice (nothing stored) if any part is invalid.
   * A visitor's choice (`user_click`, the default) also acknowledges the pending disclosures.
   */
  choose(states: Record<string, ConsentState>, action?: ConsentAction): Promise<boolean>;
  /** `assent.accept(labels)`: the named types, or every type the notice shows. */
  accept(labels?: string[]): Promise<boolean>;
  /** `assent.decline(labels)`: the named types, or every type the notice shows but required ones. */
  decline(labels?: string[]): Promise<boolean>;
  /** `assent.reset()`: forgets the visitor's decisions, id and dead letters in this browser. */
  reset(): Promise<void>;
  /** Records that the visitor was shown these types (`viewed`, action `implied`). */
  recordViewed(labels: string[]): Promise<void>;
  /**
   * Links this visitor to the site's identifiers for the person and adopts the person's more
   * recent decisions from other browsers. `false` (and an `error` event) when it could not.
   */
  identify(input: unknown): Promise<boolean>;
  /** A session token for the visitor (a new visitor gets an id), for calls besides events. */
  sessionToken(): Promise<ApiResult<string>>;
  /** Sends whatever waits in the outbox. */
  flush(): Promise<void>;
  /** Hands unacknowledged events to keepalive requests: the page is going away. */
  flushOnExit(): void;
  /** Events not yet acknowledged by the server. */
  pendingCount(): number;
  /** Events the server refused as wrong, kept aside in this page's life. */
  deadLetterCount(): number;
}

/** `manager.js` */
export interface ManagerBundle {
  /** The runtime's manager, made on first use: the loader and every UI bundle share it. */
  managerFor(runtime: Runtime): Manager;
}

/** What the loader hands the notice besides the runtime. */
export interface NoticeOptions {
  /** Opens the preference center (its own bundle, which the loader imports on demand). */
  onCustomize(): void;
  /**
   * The manager, which the loader imports while the notice shows: the notice needs it only to
   * record what it showed and what the visitor chose. Rejects when it cannot be downloaded (the
   * loader reports that); a choice then changes nothing and the notice stays.
   */
  manager(): Promise<Manager>;
  /**
   * The purposes to ask about; a return visit asks only about those without a valid decision.
   * @default every purpose the notice shows
   */
  labels?: string[];
}

/** `notice.js` */
export interface NoticeBundle {
  showNotice(runtime: Runtime, options: NoticeOptions): Promise<void>;
}

/** `preferences.js` */
export interface PreferencesBundle {
  showPreferences(runtime: Runtime, container?: Element): Promise<void>;
}

/** `gate.js` */
export interface GateBundle {
  defineGate(runtime: Runtime, ready: Promise<unknown>, registry?: CustomElementRegistry): void;
}

/** `request.js` */
export interface RequestBundle {
  defineRequest(runtime: Runtime, ready: Promise<unknown>, registry?: CustomElementRegistry): void;
}

/** `floating-button.js` */
export interface FloatingButtonBundle {
  showFloatingButton(runtime: Runtime, open: () => void): Promise<void>;
}

/** `strings.js` */
export interface StringsBundle {
  preloadStrings(languages: readonly string[]): void;
}
