import { isAllowingState } from '../core/decision.ts';
import type { ConsentState } from '../core/types.ts';

/**
 * Whether a `data-consent` value holds for the visitor's valid states: every space-separated
 * label must be allowed, and every `!label` must be declined. `!label` needs an explicit decline:
 * without a decision nothing gated runs, either way (fail closed). An empty value never holds.
 */
export function isConditionMet(
  condition: string,
  stateOf: (label: string) => ConsentState | undefined,
): boolean {
  const terms = condition.split(/\s+/).filter(Boolean);
  return (
    terms.length > 0 &&
    terms.every((term) =>
      term[0] === '!' ? stateOf(term.slice(1)) === 'declined' : isAllowingState(stateOf(term)),
    )
  );
}
