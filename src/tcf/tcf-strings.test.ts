import { describe, expect, it } from 'vitest';
import { builtInLanguages } from '../ui/i18n/ui-strings.ts';
import { fill, loadTcfStrings } from './tcf-strings.ts';

/** Words that are the same in English and the language, checked one by one (Dutch "Partners"). */
const SAME_AS_ENGLISH = new Set(['nl vendors']);

describe('the TCF notice strings', () => {
  it('picks a language, its primary tag, or English', async () => {
    expect((await loadTcfStrings('fr')).back).toBe('Retour');
    expect((await loadTcfStrings('pt-BR')).back).toBe('Voltar');
    expect((await loadTcfStrings('de-AT')).back).toBe('Zurück');
    expect((await loadTcfStrings('ja')).back).toBe('戻る');
    expect((await loadTcfStrings('xx')).back).toBe('Back');
  });

  it('has its own words for every language the widget speaks, each string translated, with its number', async () => {
    const english = await loadTcfStrings('en');
    const languages = builtInLanguages().filter((language) => language !== 'en');
    expect(languages.length).toBeGreaterThanOrEqual(31);
    for (const language of languages) {
      const strings = await loadTcfStrings(language);
      expect(strings, language).not.toBe(english);
      expect(Object.keys(strings), language).toEqual(Object.keys(english));
      for (const [key, text] of Object.entries(strings)) {
        // An English copy is no translation.
        expect(text.trim(), `${language} ${key}`).not.toBe('');
        if (!SAME_AS_ENGLISH.has(`${language} ${key}`))
          expect(text, `${language} ${key}`).not.toBe(english[key as keyof typeof english]);
        // `{n}` exactly where English has it, once.
        const count = (value: string) => value.split('{n}').length - 1;
        expect(count(text), `${language} ${key}`).toBe(count(english[key as keyof typeof english]));
      }
      for (const key of ['intro', 'partners', 'retention', 'cookieAge', 'provider'] as const)
        expect(fill(strings[key], 7), `${language} ${key}`).toContain('7');
    }
  });

  it('keeps Brazilian Portuguese apart from European Portuguese', async () => {
    const [br, pt] = [await loadTcfStrings('pt-BR'), await loadTcfStrings('pt')];
    expect(br.intro).not.toBe(pt.intro);
    expect(br.intro).toContain('você');
  });
});
