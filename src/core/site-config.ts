import { isCategory, isLabel } from './consent-type.ts';
import { labelRecord } from './decision.ts';
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

/**
 * What the widget takes from a `site-client` answer at most (issue 22 §5): 10,000 types froze the
 * page for 1-2 s. Above any of these the config is refused whole, which fails closed (no notice,
 * nothing gated runs, an `error` event). The server's own limits are below these.
 */
export const SITE_CONFIG_LIMITS = {
  /** Consent types. */
  types: 200,
  /** Characters of one text: a type's name, description, url or document, a notice text. */
  text: 10_000,
  /** Characters of the whole answer, as sent. */
  length: 512 * 1024,
} as const;

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= SITE_CONFIG_LIMITS.text;
const isOptionalText = (value: unknown) => value === undefined || isText(value);

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
    isText(value.name) &&
    isText(value.description) &&
    isOptionalText(value.url) &&
    isOptionalText(value.document) &&
    typeof value.required === 'boolean' &&
    typeof value.readOnly === 'boolean' &&
    Array.isArray(value.validStates) &&
    typeof value.status === 'string'
  );
}

function isTexts(value: unknown): value is NoticeTexts {
  return isObject(value) && TEXT_KEYS.every((key) => isText(value[key]));
}

/**
 * Checks a `site-client` answer before the widget trusts it. Returns the config, or a message
 * saying what is wrong: a broken config must fail closed, not half-work.
 */
export function parseSiteConfig(value: unknown): SiteConfig | string {
  if (!isObject(value)) return 'site config is not an object';
  if (typeof value.projectId !== 'string') return 'site config has no projectId';
  if (
    !Array.isArray(value.consentTypes) ||
    value.consentTypes.length > SITE_CONFIG_LIMITS.types ||
    !value.consentTypes.every(isConsentType)
  ) {
    return `site config has a malformed consent type, or more than ${SITE_CONFIG_LIMITS.types}`;
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
  // Its fields are checked where they are read, by the TCF chunk (`isTcfSiteConfig`): the loader
  // only asks whether there is one, and a project without TCF carries no TCF code.
  if (value.tcf !== undefined && !isObject(value.tcf)) {
    return 'site config has malformed TCF settings';
  }
  // Looked up by language: `constructor` is none (issue 22 §4).
  return { ...value, texts: labelRecord(Object.entries(value.texts)) } as unknown as SiteConfig;
}
