import type { AssentApi } from '../../types/assent.d.ts';

/** `window.assent`: the API site owners and Assent's own elements use (types/assent.d.ts). */
export type { AssentApi };

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
