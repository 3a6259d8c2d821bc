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

/**
 * Labels that name a property of every JavaScript object (`Object.prototype.__proto__`,
 * `.constructor`, and `prototype` of functions): as keys of a plain object they read or replace
 * the prototype (`assent.get('__proto__')` answered `Object.prototype`, issue 22 §4). The server
 * refuses them on new consent types; the widget keeps decisions where such a key is harmless.
 */
export const RESERVED_LABELS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Whether `label` is one of {@link RESERVED_LABELS}. */
export function isReservedLabel(label: string): boolean {
  return RESERVED_LABELS.includes(label);
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
