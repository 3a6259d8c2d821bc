import { describe, expect, it } from 'vitest';
import { ENGLISH_NOTICE_TEXTS } from './english-notice-texts.ts';
import { parseSiteConfig } from './site-config.ts';

describe('ENGLISH_NOTICE_TEXTS', () => {
  it('is a complete set of notice texts a site config may carry alone', () => {
    const config = parseSiteConfig({
      projectId: 'p',
      consentTypes: [],
      defaultConsentDuration: 'P6M',
      texts: { en: ENGLISH_NOTICE_TEXTS },
      defaultLanguage: 'en',
      policy: 'opt-in',
    });
    expect(typeof config).toBe('object');
    expect(Object.values(ENGLISH_NOTICE_TEXTS).every((text) => text.trim().length > 0)).toBe(true);
  });
});
