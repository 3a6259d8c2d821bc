import { isAsked } from './consent-rules.ts';
import type { ConsentCategory, ConsentState, ConsentType } from './types.ts';

/** Seed 000: `label` pattern. */
export const LABEL_PATTERN = /^[a-z0-9_]{1,36}$/;

/** Seed 000: the categories, plus `custom_*`. */
export const CATEGORIES = ['disclosure', 'communication', 'privacy_setting', 'custom'] as const;
const CUSTOM_CATEGORY = /^custom_[a-z0-9_]{1,121}$/;

export const CONSENT_STATES: readonly ConsentState[] = [
  'implied',
  'viewed',
  'accepted',
  'declined',
];

export function isCategory(value: unknown): value is ConsentCategory {
  return (
    typeof value === 'string' &&
    ((CATEGORIES as readonly string[]).includes(value) || CUSTOM_CATEGORY.test(value))
  );
}

export function isLabel(value: unknown): value is string {
  return typeof value === 'string' && LABEL_PATTERN.test(value);
}

/** Types the notice asks about: active cookie and tracking purposes (and `test` ones in preview). */
export function isShownInNotice(type: ConsentType, preview = false): boolean {
  return isAsked(type, preview) && type.category === 'privacy_setting';
}

/**
 * Why a state may not be recorded for a type, or `undefined` when it may.
 * Applied by the widget before it stores anything and by the server before it inserts.
 */
export function refuseState(type: ConsentType, state: ConsentState): string | undefined {
  if (!type.validStates.includes(state)) {
    return `consent type "${type.label}" does not accept the state "${state}" (valid: ${type.validStates.join(', ')})`;
  }
  if (type.required && state === 'declined') {
    return `consent type "${type.label}" is required and cannot be declined`;
  }
  return undefined;
}
