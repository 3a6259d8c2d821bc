import { describe, expect, it } from 'vitest';
import { ENGLISH_NOTICE_TEXTS } from './english-notice-texts.ts';
import { parseSiteConfig, SITE_CONFIG_LIMITS } from './site-config.ts';
import type { ConsentType, SiteConfig } from './types.ts';

const type = (i: number, extra: Partial<ConsentType> = {}): ConsentType => ({
  id: `id-${i}`,
  category: 'privacy_setting',
  label: `purpose_${i}`,
  version: 1,
  name: `Purpose ${i}`,
  description: 'What it does.',
  required: false,
  readOnly: false,
  validStates: ['viewed', 'accepted', 'declined'],
  status: 'active',
  ...extra,
});

const config = (extra: Record<string, unknown> = {}) => ({
  projectId: 'p',
  consentTypes: [type(0)],
  defaultConsentDuration: 'P6M',
  texts: { en: ENGLISH_NOTICE_TEXTS },
  defaultLanguage: 'en',
  policy: 'opt-in',
  ...extra,
});

const types = (count: number, extra: Partial<ConsentType> = {}) =>
  Array.from({ length: count }, (_, i) => type(i, extra));

describe('parseSiteConfig limits (issue 22 §5)', () => {
  it(`takes ${SITE_CONFIG_LIMITS.types} consent types and refuses one more`, () => {
    expect(typeof parseSiteConfig(config({ consentTypes: types(200) }))).toBe('object');
    expect(parseSiteConfig(config({ consentTypes: types(201) }))).toBe(
      'site config has a malformed consent type, or more than 200',
    );
    expect(parseSiteConfig(config({ consentTypes: types(10_000) }))).toMatch(/more than 200/);
  });

  it.each(['name', 'description', 'url', 'document'] as const)(
    "refuses a consent type's %s over the text limit",
    (field) => {
      const long = 'x'.repeat(SITE_CONFIG_LIMITS.text + 1);
      const atLimit = 'x'.repeat(SITE_CONFIG_LIMITS.text);
      expect(typeof parseSiteConfig(config({ consentTypes: types(1, { [field]: atLimit }) }))).toBe(
        'object',
      );
      expect(parseSiteConfig(config({ consentTypes: types(1, { [field]: long }) }))).toMatch(
        /malformed consent type/,
      );
    },
  );

  it('refuses notice texts over the text limit', () => {
    const long = 'x'.repeat(SITE_CONFIG_LIMITS.text + 1);
    expect(
      parseSiteConfig(config({ texts: { en: { ...ENGLISH_NOTICE_TEXTS, description: long } } })),
    ).toMatch(/malformed notice texts/);
  });

  it('answers no texts for a language named after an Object.prototype property', () => {
    const parsed = parseSiteConfig(config()) as SiteConfig;
    expect(parsed.texts['constructor']).toBeUndefined();
    expect(parsed.texts['en']).toEqual(ENGLISH_NOTICE_TEXTS);
  });

  it('refuses a TCF block that is no object, and leaves its fields to the TCF chunk', () => {
    expect(parseSiteConfig(config({ tcf: 'on' }))).toMatch(/malformed TCF settings/);
    expect(parseSiteConfig(config({ tcf: null }))).toMatch(/malformed TCF settings/);
    // The chunk refuses these (`isTcfSiteConfig`, tested in tcf.test.ts): no loader bytes spent.
    expect(parseSiteConfig(config({ tcf: { cmpId: 'x' } }))).toMatchObject({ tcf: { cmpId: 'x' } });
  });
});
