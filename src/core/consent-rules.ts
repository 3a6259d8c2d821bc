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

/** Cookie-law guidance (CNIL, EDPB) keeps cookie consent at most 13 months. */
export const MAX_CONSENT_DURATIONS: Readonly<Partial<Record<ConsentCategory, string>>> = {
  privacy_setting: 'P13M',
};

/** The longest a decision on a type of `category` may last (ISO 8601), if there is a cap. */
export function maxDurationFor(category: ConsentCategory): string | undefined {
  return MAX_CONSENT_DURATIONS[category];
}

/** `consentDate` plus the cap for `category`: the latest a decision may expire, if capped. */
export function latestExpirationFor(
  category: ConsentCategory,
  consentDate: Date,
): Date | undefined {
  const max = maxDurationFor(category);
  const duration = max ? parseDuration(max) : undefined;
  return duration ? addDuration(consentDate, duration) : undefined;
}

/**
 * `expirationDate = consentDate + consentDuration` of the type, or of the project default when
 * the type has none (or one that is not an ISO 8601 duration), never later than the cap for the
 * type's category.
 */
export function expirationFor(
  type: Pick<ConsentType, 'category' | 'consentDuration'>,
  consentDate: Date,
  defaultDuration: string,
): Date {
  const duration =
    (type.consentDuration && parseDuration(type.consentDuration)) || parseDuration(defaultDuration);
  if (!duration) throw new TypeError(`"${defaultDuration}" is not an ISO 8601 duration`);
  const expiration = addDuration(consentDate, duration);
  const cap = latestExpirationFor(type.category, consentDate);
  return cap && cap < expiration ? cap : expiration;
}
