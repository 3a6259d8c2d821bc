import { describe, expect, it } from 'vitest';
import { fill, loadTcfStrings } from './tcf-strings.ts';

describe('the TCF notice strings', () => {
  it('picks a language, its primary tag, or English', async () => {
    expect((await loadTcfStrings('fr')).back).toBe('Retour');
    expect((await loadTcfStrings('pt-BR')).back).toBe('Voltar');
    expect((await loadTcfStrings('ja')).back).toBe('Back');
  });

  it('has every string, with its number, in every language it has', async () => {
    const english = await loadTcfStrings('en');
    for (const language of ['fr', 'de', 'es', 'it', 'ar', 'nl', 'pt', 'pl', 'sv', 'he']) {
      const strings = await loadTcfStrings(language);
      expect(strings, language).not.toBe(english);
      expect(Object.keys(strings)).toEqual(Object.keys(english));
      for (const key of ['intro', 'partners', 'retention', 'cookieAge', 'provider'] as const)
        expect(fill(strings[key], 7), `${language} ${key}`).toContain('7');
    }
  });
});
