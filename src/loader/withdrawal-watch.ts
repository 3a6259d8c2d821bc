import type { Emitter } from '../core/emitter.ts';
import type { ConsentState } from '../core/types.ts';
import type { AssentEvents, Runtime } from '../runtime/runtime.ts';

/**
 * On every change, hands what changed to `clear` (which imports `clearAfterChange` of
 * src/integrations/cookie-clearing.ts, a bundle of its own) when the project lists cookies to
 * delete or reloads after a withdrawal. A page whose project does neither never downloads it.
 */
export function watchWithdrawals(
  emitter: Emitter<AssentEvents>,
  runtime: Runtime,
  clear: (
    before: Record<string, ConsentState>,
    after: Record<string, ConsentState>,
    changed: readonly string[],
  ) => void,
): void {
  let lastStates: Record<string, ConsentState> = {};
  emitter.on('ready', (detail) => void (lastStates = detail.states));
  emitter.on('change', ({ states, changed }) => {
    const before = lastStates;
    lastStates = states;
    const config = runtime.config;
    if (config?.reloadOnWithdrawal || config?.consentTypes.some((type) => type.cookies?.length))
      clear(before, states, changed);
  });
}
