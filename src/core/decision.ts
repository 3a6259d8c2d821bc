import { CLOCK_SKEW_MS, expirationFor, latestExpirationFor } from './consent-rules.ts';
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
 * An object without a prototype, for records keyed by label: a label such as `__proto__` or
 * `constructor` (issue 22 §4) then answers what was stored under it, or nothing, never what
 * `Object.prototype` holds.
 */
export function labelRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [label, value] of entries) record[label] = value;
  return record;
}

/**
 * A stored decision counts while it has not expired, its type is in force, its version is at
 * least the type's `requireReacceptVersion`, and its state is one the type accepts. Anything else
 * is no decision: the visitor is asked again.
 *
 * Storage is the browser's and anyone can write it (issue 22 §4), so a decision must also be one
 * the rules could have made: dated no later than now (within the clock skew), expiring after it
 * was made, and no later than the type's duration allows from its date (`defaultDuration`, the
 * project's, for a type without one; the category's cap either way).
 */
export function isDecisionValid(
  decision: Decision,
  type: ConsentType | undefined,
  now: Date,
  preview = false,
  defaultDuration?: string,
): boolean {
  if (!type || type.id !== decision.consentType || !isTypeInForce(type, preview)) return false;
  const expires = Date.parse(decision.expirationDate);
  const made = Date.parse(decision.consentDate);
  if (!(now.getTime() < expires && made < expires && made <= now.getTime() + CLOCK_SKEW_MS)) {
    return false;
  }
  const date = new Date(made);
  let latest: Date | undefined;
  try {
    // A refusal may outlast the type's duration by the project's decline period (issue 17),
    // within the category's cap: it fails closed, so the cap alone bounds it.
    latest =
      decision.state === 'declined'
        ? latestExpirationFor(type.category, date)
        : expirationFor(type, date, defaultDuration ?? '');
  } catch {
    // Neither the type nor the caller names a duration: only the category's cap bounds it.
    latest = latestExpirationFor(type.category, date);
  }
  if (latest && expires > latest.getTime()) return false;
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
  defaultDuration?: string,
): Record<string, Decision> {
  const typeOf = new Map(types.map((type) => [type.label, type]));
  return labelRecord(
    Object.entries(decisions).filter(([label, decision]) =>
      isDecisionValid(decision, typeOf.get(label), now, preview, defaultDuration),
    ),
  );
}

/** Whether `a` was decided after `b`: by `consentDate`, a tie broken by the larger event id. */
export function isLater(a: Decision, b: Decision): boolean {
  const delta = Date.parse(a.consentDate) - Date.parse(b.consentDate);
  return delta > 0 || (delta === 0 && a.eventId > b.eventId);
}

/**
 * `current` with each of `incoming` that was decided later than the one it replaces. Every tab
 * and storage merge this way, so that two tabs deciding at once (issue 22 §4) end up with the
 * same decisions, whichever order they hear of them in.
 */
export function mergeDecisions(
  current: Record<string, Decision> | undefined,
  incoming: Record<string, Decision>,
): Record<string, Decision> {
  const merged = labelRecord(Object.entries(current ?? {}));
  for (const [label, decision] of Object.entries(incoming)) {
    const old = merged[label];
    if (!old || isLater(decision, old)) merged[label] = decision;
  }
  return merged;
}

/** Whether a state lets gated tags run. */
export function isAllowingState(state: ConsentState | undefined): boolean {
  return state !== undefined && ALLOWING.includes(state);
}

/**
 * The purposes an opt-out preference signal decided: declined without a click (`implied`), which
 * only Global Privacy Control does. What the "Opt-out signal honoured" indicator shows, until the
 * visitor chooses otherwise themselves.
 */
export function signalHonoured(decisions: Record<string, Decision>): string[] {
  return Object.values(decisions)
    .filter((decision) => decision.state === 'declined' && decision.action === 'implied')
    .map((decision) => decision.label);
}
