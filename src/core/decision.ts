import { addDuration, parseDuration } from './duration.ts';
import type { ConsentState, ConsentType, Decision, SiteConfig } from './types.ts';

/** States that let gated tags run. */
const ALLOWING: readonly ConsentState[] = ['accepted', 'implied'];

/** Cookie-law guidance (CNIL, EDPB) keeps cookie consent at most 13 months. */
export const DEFAULT_MAX_DURATIONS: Partial<Record<string, string>> = { privacy_setting: 'P13M' };

/** The project's cap for a type's category, if any. */
export function maxDurationFor(
  type: ConsentType,
  config: Pick<SiteConfig, 'maxConsentDurations'>,
): string | undefined {
  return (config.maxConsentDurations ?? DEFAULT_MAX_DURATIONS)[type.category];
}

/**
 * `consentDate + consentDuration` of the type, or the project default when the type has none
 * (or has one that is not an ISO 8601 duration), never later than `consentDate + maxDuration`.
 */
export function expirationFor(
  type: ConsentType,
  consentDate: Date,
  defaultDuration: string,
  maxDuration?: string,
): Date {
  const duration =
    (type.consentDuration && parseDuration(type.consentDuration)) || parseDuration(defaultDuration);
  if (!duration) throw new TypeError(`"${defaultDuration}" is not an ISO 8601 duration`);
  const expiration = addDuration(consentDate, duration);
  const max = maxDuration ? parseDuration(maxDuration) : undefined;
  if (!max) return expiration;
  const cap = addDuration(consentDate, max);
  return cap < expiration ? cap : expiration;
}

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
