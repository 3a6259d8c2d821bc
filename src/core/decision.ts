import { addDuration, parseDuration } from './duration.ts';
import type { ConsentState, ConsentType, Decision } from './types.ts';

/** States that let gated tags run. */
const ALLOWING: readonly ConsentState[] = ['accepted', 'implied'];

/**
 * `consentDate + consentDuration` of the type, or the project default when the type has none
 * (or has one that is not an ISO 8601 duration).
 */
export function expirationFor(type: ConsentType, consentDate: Date, defaultDuration: string): Date {
  const duration =
    (type.consentDuration && parseDuration(type.consentDuration)) || parseDuration(defaultDuration);
  if (!duration) throw new TypeError(`"${defaultDuration}" is not an ISO 8601 duration`);
  return addDuration(consentDate, duration);
}

/**
 * A stored decision counts while it has not expired, its type is active, its version is at least
 * the type's `requireReacceptVersion`, and its state is one the type accepts. Anything else is no
 * decision: the visitor is asked again.
 */
export function isDecisionValid(
  decision: Decision,
  type: ConsentType | undefined,
  now: Date,
): boolean {
  if (!type || type.id !== decision.consentType || type.status !== 'active') return false;
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
): Record<string, Decision> {
  const byLabel = new Map(types.map((type) => [type.label, type]));
  const valid: Record<string, Decision> = {};
  for (const [label, decision] of Object.entries(decisions)) {
    if (isDecisionValid(decision, byLabel.get(label), now)) valid[label] = decision;
  }
  return valid;
}

/** Whether a state lets gated tags run. */
export function isAllowingState(state: ConsentState | undefined): boolean {
  return state !== undefined && ALLOWING.includes(state);
}
