import { describe, expect, it } from 'vitest';
import { fill, tcfStrings } from './tcf-strings.ts';

describe('the TCF notice strings', () => {
  it('picks a language, its primary tag, or English', () => {
    expect(tcfStrings('fr').back).toBe('Retour');
    expect(tcfStrings('pt-BR').back).toBe('Voltar');
    expect(tcfStrings('ja').back).toBe('Back');
  });

  it('has every string, with its number, in every language it has', () => {
    const english = tcfStrings('en');
    for (const language of ['fr', 'de', 'es', 'it', 'ar', 'nl', 'pt', 'pl', 'sv', 'he']) {
      const strings = tcfStrings(language);
      expect(strings, language).not.toBe(english);
      expect(Object.keys(strings)).toEqual(Object.keys(english));
      for (const key of ['intro', 'partners', 'retention', 'cookieAge', 'provider'] as const)
        expect(fill(strings[key], 7), `${language} ${key}`).toContain('7');
    }
  });
});
