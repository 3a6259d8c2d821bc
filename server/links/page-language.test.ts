import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { choosePageLanguage, languageName, PAGE_LANGUAGES } from './page-language.ts';

describe('the hosted page’s language', () => {
  it('offers exactly the widget’s built-in languages', () => {
    const locales = readdirSync(new URL('../../src/ui/i18n/locales/', import.meta.url))
      .map((name) => name.replace(/\.ts$/, ''))
      .sort();
    expect([...PAGE_LANGUAGES].sort()).toEqual(locales);
  });

  it('takes ?lang= first, then Accept-Language by q-value, then the default', () => {
    expect(choosePageLanguage('ar', 'de', 'en')).toBe('ar');
    expect(choosePageLanguage('xx', 'fr-CH, de;q=0.9', 'en')).toBe('fr');
    expect(choosePageLanguage(undefined, 'xx;q=1, de;q=0.5, ar;q=0.8', 'en')).toBe('ar');
    expect(choosePageLanguage(undefined, 'pt-BR', 'en')).toBe('pt-br');
    expect(choosePageLanguage(undefined, 'sw, *', 'de')).toBe('de');
    expect(choosePageLanguage(undefined, undefined, 'sw')).toBe('en');
  });

  it('names each language in itself', () => {
    expect(languageName('de')).toBe('Deutsch');
    expect(languageName('ar')).toBe('العربية');
  });
});
