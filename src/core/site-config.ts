import { isCategory, isLabel } from './consent-type.ts';
import { parseDuration } from './duration.ts';
import type { ConsentType, NoticeTexts, SiteConfig } from './types.ts';

const TEXT_KEYS: (keyof NoticeTexts)[] = [
  'title',
  'description',
  'acceptAll',
  'rejectAll',
  'customize',
  'save',
  'alwaysOn',
  'privacyPolicy',
];
const POLICIES = ['opt-in', 'opt-out', 'notice-only'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isConsentType(value: unknown): value is ConsentType {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    isCategory(value.category) &&
    isLabel(value.label) &&
    Number.isInteger(value.version) &&
    typeof value.name === 'string' &&
    typeof value.description === 'string' &&
    typeof value.required === 'boolean' &&
    typeof value.readOnly === 'boolean' &&
    Array.isArray(value.validStates) &&
    typeof value.status === 'string'
  );
}

function isTexts(value: unknown): value is NoticeTexts {
  return isObject(value) && TEXT_KEYS.every((key) => typeof value[key] === 'string');
}

/**
 * Checks a `site-client` answer before the widget trusts it. Returns the config, or a message
 * saying what is wrong: a broken config must fail closed, not half-work.
 */
export function parseSiteConfig(value: unknown): SiteConfig | string {
  if (!isObject(value)) return 'site config is not an object';
  if (typeof value.projectId !== 'string') return 'site config has no projectId';
  if (!Array.isArray(value.consentTypes) || !value.consentTypes.every(isConsentType)) {
    return 'site config has a malformed consent type';
  }
  if (
    typeof value.defaultConsentDuration !== 'string' ||
    !parseDuration(value.defaultConsentDuration)
  ) {
    return 'site config has no valid defaultConsentDuration';
  }
  if (!isObject(value.texts) || !Object.values(value.texts).every(isTexts)) {
    return 'site config has malformed notice texts';
  }
  if (typeof value.defaultLanguage !== 'string' || !isTexts(value.texts[value.defaultLanguage])) {
    return 'site config has no texts for its default language';
  }
  if (typeof value.policy !== 'string' || !POLICIES.includes(value.policy)) {
    return 'site config has no valid policy';
  }
  return value as unknown as SiteConfig;
}
