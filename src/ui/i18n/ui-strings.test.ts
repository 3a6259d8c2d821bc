import { describe, expect, it } from 'vitest';
import { builtInLanguages, chooseLanguage } from './ui-strings.ts';

describe('chooseLanguage', () => {
  it('ships built-in strings for the 24 EU languages and eight more', () => {
    const eu = 'bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv'.split(' ');
    expect(builtInLanguages()).toEqual(
      expect.arrayContaining([...eu, 'ar', 'he', 'zh', 'ja', 'ko', 'tr', 'uk', 'pt-br']),
    );
    expect(builtInLanguages().length).toBeGreaterThanOrEqual(32);
  });

  it('takes the first language with project texts or built-in strings, in the given order', () => {
    expect(chooseLanguage(['xx', 'ja', 'de'], ['en', 'de'], 'en')).toEqual({
      language: 'ja',
      textsKey: undefined,
      builtIn: 'ja',
    });
  });

  it('uses the project texts of the primary language for a regional tag', () => {
    expect(chooseLanguage(['de-AT'], ['en', 'de'], 'en')).toEqual({
      language: 'de',
      textsKey: 'de',
      builtIn: 'de',
    });
    expect(chooseLanguage(['pt-BR'], ['pt'], 'en')).toEqual({
      language: 'pt-br',
      textsKey: 'pt',
      builtIn: 'pt-br',
    });
  });

  it('falls back to the project default language when none of the visitor languages is known', () => {
    expect(chooseLanguage(['xx'], ['fr'], 'fr')).toEqual({
      language: 'fr',
      textsKey: 'fr',
      builtIn: 'fr',
    });
  });
});
