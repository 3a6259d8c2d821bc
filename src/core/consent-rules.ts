/**
 * The rules on consent types that both the widget and the server apply, each written once:
 * which types are asked, which take no new decision, and how long a decision may last.
 */
import { addDuration, parseDuration } from './duration.ts';
import type { ConsentCategory, ConsentType } from './types.ts';

/**
 * Whether a type is asked at all (by the notice, the preference center, a plan): active types,
 * and `test` ones in preview (the script tag's `data-preview`).
 */
export function isAsked(type: Pick<ConsentType, 'status'>, preview: boolean): boolean {
  return type.status === 'active' || (preview && type.status === 'test');
}

/**
 * Why a type takes no new decision, or `undefined` when it does: archived and obsolete types
 * are never asked again, though what was decided on them still answers until it expires.
 */
export function refuseRetiredType(type: Pick<ConsentType, 'label' | 'status'>): string | undefined {
  return type.status === 'archived' || type.status === 'obsolete'
    ? `consent type "${type.label}" is ${type.status} and takes no new decisions`
    : undefined;
}

/**
 * The longest a decision may last, for every category (issue 22 §2: without a cap a type's
 * duration, or a client's `expirationDate`, could make a record last for ever).
 * - `privacy_setting`: cookie-law guidance (CNIL, EDPB) keeps cookie consent at most 13 months.
 * - `communication`, `disclosure`, `custom` (and every `custom_*`): no law sets a term, so the
 *   cap is five years, the usual civil limitation period within which a consent may have to be
 *   proved (French Code civil art. 2224, German BGB §195 + §199 come to 3–5 years); a longer
 *   record proves nothing more and a mistyped or forged duration stays bounded. Marketing
 *   consent is usually renewed sooner (CNIL: 3 years without contact), which a type's own
 *   `consentDuration` says.
 */
export const MAX_CONSENT_DURATIONS: Readonly<
  Record<'privacy_setting' | 'communication' | 'disclosure' | 'custom', string>
> = {
  privacy_setting: 'P13M',
  communication: 'P5Y',
  disclosure: 'P5Y',
  custom: 'P5Y',
};

/**
 * How far a browser's clock may be from the server's before the server's time is recorded
 * instead of the browser's `consentDate` (issue 22 §2), how far ahead of the server a
 * server-to-server caller's date may be, and how far ahead a decision may be dated and still be
 * adopted (§1). Five minutes, as Kerberos allows (RFC 4120 §1.6); written once, in
 * `clock-skew.ts`, which the identity bundle imports without these rules.
 */
export { CLOCK_SKEW_MS } from './clock-skew.ts';

/** How long a refusal keeps the notice away when the project sets nothing (issue 17; the EU proposal's). */
export const DEFAULT_DECLINE_DURATION = 'P6M';

/** The longest a decision on a type of `category` may last (ISO 8601); `custom_*` take `custom`'s. */
export function maxDurationFor(category: ConsentCategory): string {
  return category.startsWith('custom_')
    ? MAX_CONSENT_DURATIONS.custom
    : MAX_CONSENT_DURATIONS[category as keyof typeof MAX_CONSENT_DURATIONS];
}

/**
 * `consentDate` plus the cap for `category`: the latest a decision may expire. Typed as possibly
 * `undefined` as when some categories had no cap; every category has one now.
 */
export function latestExpirationFor(
  category: ConsentCategory,
  consentDate: Date,
): Date | undefined {
  const duration = parseDuration(maxDurationFor(category));
  return duration ? addDuration(consentDate, duration) : undefined;
}

// Every day of a leap year and of a common year: a calendar duration (months, years) is longer
// or shorter depending on where it starts, so a bound is checked from every kind of start.
// Pure: a bundle that does not check durations (the notice's) leaves it out, and does not
// compute it.
const CHECK_STARTS = /* @__PURE__ */ Array.from({ length: 731 }, (_, day) =>
  Date.UTC(2024, 0, 1 + day),
);

/**
 * Why a type of `category` may not have `duration` (ISO 8601), or `undefined` when it may: it
 * must be one, last longer than nothing (`P0D`, `PT0S` would expire as they are given), and
 * never end after the category's cap, from whatever day it starts (`P396D` is more than `P13M`
 * from some days).
 */
export function refuseDuration(category: ConsentCategory, duration: string): string | undefined {
  const parsed = parseDuration(duration);
  if (!parsed) return `consentDuration "${duration}" is not an ISO 8601 duration`;
  const max = maxDurationFor(category);
  const cap = parseDuration(max)!;
  for (const start of CHECK_STARTS) {
    const from = new Date(start);
    const end = addDuration(from, parsed).getTime();
    // An end past the last representable date (`P1000000000000D`) is NaN.
    if (Number.isNaN(end) || end > addDuration(from, cap).getTime()) {
      return `consentDuration "${duration}" is longer than ${max}, the longest a "${category}" consent may last`;
    }
    if (end <= start) return `consentDuration "${duration}" must be longer than nothing`;
  }
  return undefined;
}

/**
 * `expirationDate = consentDate + consentDuration` of the type, or of the project default when
 * the type has none (or one that is not an ISO 8601 duration), never later than the cap for the
 * type's category. A refusal passes the project's `declineDuration` (issue 17): after "Reject
 * all" the notice stays away at least that long, so a refusal lasts at least that long (still
 * within the cap); an invalid one changes nothing.
 */
export function expirationFor(
  type: Pick<ConsentType, 'category' | 'consentDuration'>,
  consentDate: Date,
  defaultDuration: string,
  declineDuration?: string,
): Date {
  const duration =
    (type.consentDuration && parseDuration(type.consentDuration)) || parseDuration(defaultDuration);
  if (!duration) throw new TypeError(`"${defaultDuration}" is not an ISO 8601 duration`);
  let expiration = addDuration(consentDate, duration);
  const floor = declineDuration && parseDuration(declineDuration);
  if (floor && addDuration(consentDate, floor) > expiration) {
    expiration = addDuration(consentDate, floor);
  }
  const cap = latestExpirationFor(type.category, consentDate);
  return cap && cap < expiration ? cap : expiration;
}
