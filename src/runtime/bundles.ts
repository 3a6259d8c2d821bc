/**
 * What each bundle the loader imports by URL (`manager.js`, `notice.js`, …) exports. The loader
 * may not import the manager or the UI, not even their types; they implement these instead.
 */
import type {
  ConsentAction,
  ConsentState,
  ConsentType,
  Decision,
  NoticeTexts,
  NoticeSnapshot,
  ProofSurface,
} from '../core/types.ts';
import type { ApiResult } from '../api/site-api.ts';
import type { Runtime } from './runtime.ts';

/** Where a choice was made and what that surface showed: the event's proof (issue 17). */
export interface ChoiceOrigin {
  /** Absent for what the loader implies from the visitor's jurisdiction: no surface decided. */
  surface?: ProofSurface;
  /**
   * What the surface showed, the snapshot's fields with the whole types: the manager's proof
   * module makes the snapshot, hashes it into `noticeHash` and sends it once.
   */
  shown?: Omit<NoticeSnapshot, 'surface' | 'types'> & { types: ConsentType[] };
}

/** The one place a decision is made: validate, store, apply, send, emit. */
export interface Manager {
  /**
   * Records a state per label; refuses the whole choice (nothing stored) if any part is invalid.
   * A visitor's choice (`user_click`, the default) also acknowledges the pending disclosures.
   */
  choose(
    states: Record<string, ConsentState>,
    action?: ConsentAction,
    /** @default { surface: 'api' } */
    origin?: ChoiceOrigin,
  ): Promise<boolean>;
  /** `assent.accept(labels)`: the named types, or every type the notice shows. */
  accept(labels?: string[]): Promise<boolean>;
  /** `assent.decline(labels)`: the named types, or every type the notice shows but required ones. */
  decline(labels?: string[]): Promise<boolean>;
  /** `assent.reset()`: forgets the visitor's decisions, id and dead letters in this browser. */
  reset(): Promise<void>;
  /** Records that the visitor was shown these types (`viewed`, action `implied`). */
  recordViewed(labels: string[], origin?: ChoiceOrigin): Promise<void>;
  /**
   * Links this visitor to the site's identifiers for the person and adopts the person's more
   * recent decisions from other browsers. `false` (and an `error` event) when it could not.
   */
  identify(input: unknown): Promise<boolean>;
  /** A session token for the visitor (a new visitor gets an id), for calls besides events. */
  sessionToken(): Promise<ApiResult<string>>;
  /** Sends whatever waits in the outbox. */
  flush(): Promise<void>;
  /**
   * Hands unacknowledged events to keepalive requests: the page is hidden, or with `leaving`
   * (`pagehide`) going away, when the events of a decision whose proof is still being made go
   * too, as held.
   */
  flushOnExit(leaving?: boolean): void;
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
  /**
   * Opens the preference center (its own bundle, which the loader imports on demand); at the
   * sale and sharing choices for `'opt-out'` (the notice's US opt-out link).
   */
  onCustomize(at?: 'opt-out'): void;
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

/**
 * What the notice reads of the runtime: a first visit's notice shows before the loader's second
 * half, which creates the runtime, has arrived (src/loader/first-visit.ts), from a view of what
 * the loader knows.
 */
export type NoticeRuntime = Pick<
  Runtime,
  'config' | 'decisions' | 'preview' | 'now' | 'languages' | 'emitter' | 'identity'
>;

/** `notice.js` */
export interface NoticeBundle {
  showNotice(runtime: NoticeRuntime, options: NoticeOptions): Promise<void>;
}

/** What the hosted consent-link page (issue 16) gives the preference center. */
export interface LinkPreferencesOptions {
  /** The collection point's types, in its order. */
  types: ConsentType[];
  /** The person's valid decisions, by label, as the server has them. */
  decisions: Record<string, Decision>;
  /** The project's own notice texts by language, and its default language. */
  texts: Record<string, NoticeTexts>;
  defaultLanguage: string;
  /** The page's language (`Accept-Language` or the switcher). */
  language: string;
  accent?: string;
  /** Records the choice on the server; the page shows the outcome. */
  onChoose(states: Record<string, ConsentState>): void;
}

/** `preferences.js` */
export interface PreferencesBundle {
  /** `at: 'opt-out'` focuses the first choice Global Privacy Control covers (issue 21). */
  showPreferences(runtime: Runtime, container?: Element, at?: 'opt-out'): Promise<void>;
  /**
   * The same preference center, inline in `container`, for a person the server knows (the hosted
   * consent-link page): no runtime, no visitor session; the page records what is chosen.
   */
  showLinkPreferences(container: Element, options: LinkPreferencesOptions): Promise<void>;
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

/** What the loader gives the TCF chunk (`src/tcf/`, issue 20). */
export interface TcfOptions {
  /** The site API's origin: the chunk asks it for the project's vendor list. */
  apiBase: string;
  /** The manager, for accept all and reject all of the site's own consent types. */
  manager(): Promise<Manager>;
  /** Asks about the site's own types that are left, after a choice made in the TCF notice. */
  askRest(): Promise<void>;
}

export interface TcfBundle {
  /**
   * Takes `__tcfapi` over from the stub (once), and shows the TCF notice when the visitor has
   * no valid TC string; `true` while that notice is open (it stands for the site's notice).
   */
  startTcf(runtime: Runtime, options: TcfOptions): Promise<boolean>;
}

/** `gpp.js`: the IAB GPP CMP API behind the loader's `__gpp` stub (issue 21). */
export interface GppBundle {
  /** Takes over the stub's queue and listeners and keeps the GPP string in step with decisions. */
  startGpp(runtime: Runtime, gpc: boolean): void;
}

/** A GPP callback: `(data, success)`. */
export type GppCallback = (data: unknown, success: boolean) => void;
/** The stub's `__gpp`: the queue with no arguments, the listeners with `'events'`. */
export type GppFunction = (
  command?: string,
  callback?: GppCallback,
  parameter?: unknown,
  version?: string,
) => unknown;
/** A listener the stub registered, handed to the CMP (`__gpp('events')`). */
export interface GppListener {
  id: number;
  callback: GppCallback;
  parameter?: unknown;
}

declare global {
  interface Window {
    __gpp?: GppFunction;
  }
}
