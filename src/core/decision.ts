import type { ConsentState, ConsentType, Decision } from './types.ts';

/** States that let gated tags run. */
const ALLOWING: readonly ConsentState[] = ['accepted', 'implied'];

/**
 * Whether a type's decisions count. Archived and obsolete types are never asked, but what the
 * visitor decided still answers until it expires; `test` types count only in preview mode.
 */
export function isTypeInForce(type: ConsentType, preview = false): boolean {
  return type.status !== 'test' || preview;
}

/**
 * A stored decision counts while it has not expired, its type is in force, its version is at
 * least the type's `requireReacceptVersion`, and its state is one the type accepts. Anything else
 * is no decision: the visitor is asked again.
 */
export function isDecisionValid(
  decision: Decision,
  type: ConsentType | undefined,
  now: Date,
  preview = false,
): boolean {
  if (!type || type.id !== decision.consentType || !isTypeInForce(type, preview)) return false;
  const expires = Date.parse(decision.expirationDate);
  if (!(now.getTime() < expires)) return false;
  if (type.requireReacceptVersion !== undefined && decision.version < type.requireReacceptVersion) {
    return false;
  }
  return type.validStates.includes(decision.state);
}

/** The valid decisions among `decisions`, keyed by label. */
export function validDecisions(
  decisions: Record<string, Decision>,
  types: ConsentType[],
  now: Date,
  preview = false,
): Record<string, Decision> {
  const byLabel = new Map(types.map((type) => [type.label, type]));
  const valid: Record<string, Decision> = {};
  for (const [label, decision] of Object.entries(decisions)) {
    if (isDecisionValid(decision, byLabel.get(label), now, preview)) valid[label] = decision;
  }
  return valid;
}

/** Whether a state lets gated tags run. */
export function isAllowingState(state: ConsentState | undefined): boolean {
  return state !== undefined && ALLOWING.includes(state);
}
