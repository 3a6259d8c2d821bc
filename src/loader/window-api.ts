import type { ConsentState } from '../core/types.ts';
import type { AssentEvents } from '../manager/runtime.ts';

/** `window.assent`: the API site owners and Assent's own elements use. */
export interface AssentApi {
  /** Settles once stored decisions are read and applied (and the notice, if needed, asked for). */
  ready: Promise<AssentApi>;
  /** The visitor's valid state for a consent type, or `undefined` without a valid decision. */
  get(label: string): ConsentState | undefined;
  /** Whether tags needing this consent may run (a valid `accepted` or `implied`). */
  allowed(label: string): boolean;
  /** Accepts these types (default: every type the notice shows). */
  accept(labels?: string[]): Promise<boolean>;
  /** Declines these types (default: every type the notice shows; required ones stay accepted). */
  decline(labels?: string[]): Promise<boolean>;
  /** Shows the consent notice. */
  showNotice(): Promise<void>;
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

/** Runs the functions a page queued (`window.assent = window.assent || []; assent.push(fn)`). */
export function drainQueue(queued: unknown, api: AssentApi, report: (error: unknown) => void) {
  if (!Array.isArray(queued)) return;
  for (const fn of queued) {
    if (typeof fn !== 'function') continue;
    try {
      fn(api);
    } catch (error) {
      report(error);
    }
  }
}
