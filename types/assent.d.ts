/**
 * Assent's public surface for site owners: `window.assent`, its events and its custom elements.
 * Reference it with `/// <reference types="…/assent" />` or copy it into your project.
 * Pinned by `src/loader/window-api.test-d.ts`, which also keeps the types it repeats from
 * `src/core/types.ts` equal to them, and by `e2e/window-api.spec.ts`.
 */

/** The state a visitor put a consent type in. */
export type AssentConsentState = 'implied' | 'viewed' | 'accepted' | 'declined';

/** The identifier claims an identity token carries: exactly one of them. */
export type AssentIdentifierClaim = 'userId' | 'email' | 'phoneNumber' | 'projectUserId';

/** Who the visitor is to the site, as the site's backend vouches for it. */
export interface AssentIdentity {
  /**
   * A compact JWT signed HS256 with the project's identity secret by the site's backend: exactly
   * one claim of {@link AssentIdentifierClaim} and `exp` at most 24 hours ahead. The README's
   * "Security" section shows how to make one.
   */
  token: string;
}

/** What each event carries, by name. Each is also a `CustomEvent` `assent:<name>` on `document`. */
export interface AssentEvents extends Record<string, unknown> {
  /** Stored decisions are read and applied (and the notice, if needed, shown). */
  ready: {
    /** Valid states by consent type label. */
    states: Record<string, AssentConsentState>;
  };
  /** A decision changed (a click, an API call, `identify`, `reset`). */
  change: {
    /** Valid states by consent type label, after the change. */
    states: Record<string, AssentConsentState>;
    /** Labels whose decision changed. */
    changed: string[];
  };
  /** The notice is shown. */
  'notice:show': {
    /** Labels of the types it asks about. */
    labels: string[];
  };
  /** The notice is gone. */
  'notice:hide': Record<string, never>;
  /** The preference center is shown (as a dialog or inline). */
  'preferences:show': Record<string, never>;
  /** The preference center's dialog is closed (an inline one stays). */
  'preferences:hide': Record<string, never>;
  /** Consent events reached the site API. */
  sync: {
    /** Events delivered now. */
    count: number;
    /** Events still waiting. */
    pending: number;
    /** Events the server refused as wrong, kept in a dead-letter list. */
    deadLetter: number;
  };
  /** Something failed; nothing gated runs because of it. */
  error: {
    /** What failed, in English. */
    message: string;
  };
}

/** `window.assent`: usable before the loader runs through `assent.push(fn)`. */
export interface AssentApi {
  /** Settles once stored decisions are read and applied (and the notice, if needed, shown). */
  ready: Promise<AssentApi>;
  /** The visitor's valid state for a consent type, or `undefined` without a valid decision. */
  get(label: string): AssentConsentState | undefined;
  /** Whether tags needing this consent may run (a valid `accepted` or `implied`). */
  allowed(label: string): boolean;
  /**
   * Accepts these types.
   * @default every type the notice shows
   */
  accept(labels?: string[]): Promise<boolean>;
  /**
   * Declines these types (naming a required one is refused).
   * @default every type the notice shows; required ones stay accepted
   */
  decline(labels?: string[]): Promise<boolean>;
  /** Shows the consent notice. */
  showNotice(): Promise<void>;
  /**
   * Opens the preference center as a dialog, or renders it inline into `container`'s shadow root.
   * @default a modal dialog
   */
  showPreferences(container?: Element): Promise<void>;
  /**
   * Links this browser's visitor to the person the site's backend vouches for, and applies that
   * person's more recent decisions from other browsers. Resolves `false` (and emits `error`),
   * linking nothing, for anything but a valid `{ token }`: no token, an unsigned, wrongly signed,
   * expired or too long-lived one, or another project's.
   */
  identify(identity: AssentIdentity): Promise<boolean>;
  /** Forgets this browser's decisions and asks again. */
  reset(): Promise<void>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<Name extends keyof AssentEvents>(
    name: Name,
    handler: (detail: AssentEvents[Name]) => void,
  ): () => void;
  /** Calls `fn` with the API: the same call works before and after the loader ran. */
  push(fn: (api: AssentApi) => void): void;
}

/** `<assent-preferences>`: the preference center inline. */
export type AssentPreferencesElement = HTMLElement;

/**
 * `<assent-gate consent="marketing" label="Brewing video"><template>…</template></assent-gate>`:
 * a placeholder with an accept button until every consent in `consent` (space-separated) is
 * allowed, then the template's content.
 */
export interface AssentGateElement extends HTMLElement {
  /** Whether the template's content was put in the page. */
  readonly loaded: boolean;
}

declare global {
  interface Window {
    /** The API once the loader ran; before that, a queue of functions for it. */
    assent?: AssentApi | Array<(api: AssentApi) => void>;
  }
  interface HTMLElementTagNameMap {
    'assent-preferences': AssentPreferencesElement;
    'assent-gate': AssentGateElement;
  }
  interface DocumentEventMap {
    'assent:ready': CustomEvent<AssentEvents['ready']>;
    'assent:change': CustomEvent<AssentEvents['change']>;
    'assent:notice:show': CustomEvent<AssentEvents['notice:show']>;
    'assent:notice:hide': CustomEvent<AssentEvents['notice:hide']>;
    'assent:preferences:show': CustomEvent<AssentEvents['preferences:show']>;
    'assent:preferences:hide': CustomEvent<AssentEvents['preferences:hide']>;
    'assent:sync': CustomEvent<AssentEvents['sync']>;
    'assent:error': CustomEvent<AssentEvents['error']>;
  }
}
