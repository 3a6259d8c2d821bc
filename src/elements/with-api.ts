import type { AssentApi } from '../../types/assent.d.ts';

/**
 * Calls `fn` with the window API, through the same queue site owners use: the elements need no
 * other way into the widget, and work before the loader has installed the API.
 */
export function withApi(fn: (api: AssentApi) => void): void {
  const queue = (window.assent ??= []);
  queue.push(fn as never);
}
