/**
 * Seed 002 (Intempt "record consent"): one accept or reject decision, turned into Assent consent
 * events. The seed answers a bad request `400 {"error": "Invalid request", "message":
 * "Required field 'action' is missing or invalid"}`, so every check here names its field in that
 * wording.
 */
import { CLOCK_SKEW_MS, latestExpirationFor } from '../../src/core/consent-rules.ts';
import type { ConsentType } from '../../src/core/types.ts';
import type { ConsentEventBatchItem } from '../consent-events/batch.ts';

// Fields are checked, and the first bad one reported, in the seed's order (`x-apidog-orders`):
// action, timestamp, validUntil, source, category, userId, email, message.

/** How far ahead of the server's clock a `timestamp` may be: the one clock-skew rule. */
export const MAX_FUTURE_MS = CLOCK_SKEW_MS;
/** The latest date both databases and JS represent exactly: no `validUntil` may pass it. */
export const NO_EXPIRY = '9999-12-31T23:59:59.999Z';

/** A refusal in the seed's words. */
export class DecisionRefusal extends Error {
  constructor(readonly field: string) {
    super(`Required field '${field}' is missing or invalid`);
  }
}

/** A number of milliseconds since 1970, given as number or as string (the seed types it string). */
function milliseconds(value: unknown): number | undefined {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{1,16}$/.test(value.trim())
        ? Number(value)
        : NaN;
  return Number.isSafeInteger(number) && number >= 0 && number <= Date.parse(NO_EXPIRY)
    ? number
    : undefined;
}

const text = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max;

/**
 * Checks a seed 002 body and makes its batch items: one event for `category`, or one per
 * active, non-required type that takes the state when there is none. Throws `DecisionRefusal`.
 */
export function decisionItems(
  body: unknown,
  types: ConsentType[],
  now: Date,
): ConsentEventBatchItem[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new DecisionRefusal('action');
  }
  const fields = body as Record<string, unknown>;
  const { action, source, category, userId, email, message } = fields;
  if (action !== 'accept' && action !== 'reject') throw new DecisionRefusal('action');
  const timestamp = milliseconds(fields.timestamp);
  if (timestamp === undefined || timestamp > now.getTime() + MAX_FUTURE_MS) {
    throw new DecisionRefusal('timestamp');
  }
  const unlimited = fields.validUntil === 'unlimited';
  const validUntil = unlimited ? undefined : milliseconds(fields.validUntil);
  if (!unlimited && (validUntil === undefined || validUntil <= timestamp)) {
    throw new DecisionRefusal('validUntil');
  }
  if (!text(source, 64)) throw new DecisionRefusal('source');
  const state = action === 'accept' ? 'accepted' : 'declined';
  let chosen: ConsentType[];
  if (category !== undefined) {
    const type = typeof category === 'string' && types.find((t) => t.label === category);
    if (!type || type.status !== 'active') throw new DecisionRefusal('category');
    chosen = [type];
  } else {
    // "Applied to all types of consents": those a person decides on and that take the state
    // (a disclosure cannot be rejected, a required type cannot be declined).
    chosen = types.filter(
      (t) => t.status === 'active' && !t.required && !t.readOnly && t.validStates.includes(state),
    );
    if (chosen.length === 0) throw new DecisionRefusal('category');
  }
  if (userId !== undefined && !text(userId, 320)) throw new DecisionRefusal('userId');
  if (email !== undefined && !(text(email, 320) && /^[^\s@]+@[^\s@]+$/.test(email))) {
    throw new DecisionRefusal('email');
  }
  // A person is needed: the seed's examples always name one.
  if (userId === undefined && email === undefined) throw new DecisionRefusal('userId');
  if (message !== undefined && !(typeof message === 'string' && message.length <= 2000)) {
    throw new DecisionRefusal('message');
  }
  const consentDate = new Date(timestamp);
  // Fields beyond an event's are kept with it: `source`, `message`, and what the seed's own
  // examples send without naming (`sourceId`, `profileId`).
  const metadata: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (!['action', 'timestamp', 'validUntil', 'category', 'userId', 'email'].includes(name)) {
      metadata[name] = value;
    }
  }
  if (unlimited) metadata.validUntil = 'unlimited';
  return chosen.map((type) => ({
    ...(userId !== undefined && { userId: userId as string }),
    ...(email !== undefined && { email: email as string }),
    consentType: type.id,
    consentState: state,
    consentAction: 'user_click',
    consentDate: consentDate.toISOString(),
    expirationDate: expiry(type, consentDate, validUntil),
    metadata,
    body,
  }));
}

/**
 * `validUntil` as given, or for `"unlimited"` the cap of the type's category (13 months for
 * cookie purposes, 5 years for the others: every category has one, issue 22 §2): the stored
 * expiry is the date the decision really stops being valid.
 */
function expiry(type: ConsentType, consentDate: Date, validUntil: number | undefined): string {
  if (validUntil !== undefined) return new Date(validUntil).toISOString();
  return latestExpirationFor(type.category, consentDate)!.toISOString();
}
