import { describe, expect, it } from 'vitest';
import { placeholderText } from './gate-text.ts';

const EN = {
  content: 'This content',
  text: '{content} loads only with your consent to {consent}.',
  allow: 'Allow {consent} and load',
};

describe('placeholderText', () => {
  it('names the content and the consent it needs, and the button allows that consent', () => {
    expect(placeholderText(EN, 'The video', ['marketing'])).toEqual({
      before: 'The video loads only with your consent to ',
      consent: 'marketing',
      after: '.',
      button: 'Allow marketing and load',
    });
  });

  it('calls unnamed content by the language word for it and joins several consents', () => {
    expect(placeholderText(EN, '', ['analytics', 'marketing'])).toMatchObject({
      before: 'This content loads only with your consent to ',
      consent: 'analytics + marketing',
      button: 'Allow analytics + marketing and load',
    });
  });

  it('puts the fields where the translation puts them, right to left too', () => {
    const ar = {
      content: 'هذا المحتوى',
      text: 'لا يُحمَّل {content} إلا بموافقتك على {consent}.',
      allow: 'السماح بـ {consent} والتحميل',
    };
    expect(placeholderText(ar, undefined, ['marketing'])).toEqual({
      before: 'لا يُحمَّل هذا المحتوى إلا بموافقتك على ',
      consent: 'marketing',
      after: '.',
      button: 'السماح بـ marketing والتحميل',
    });
  });

  it('keeps a label with replacement patterns as text', () => {
    expect(placeholderText(EN, 'Costs $& more', ['marketing']).before).toBe(
      'Costs $& more loads only with your consent to ',
    );
  });

  it('shows a sentence without a consent field alone', () => {
    expect(placeholderText({ ...EN, text: '{content} needs consent.' }, 'X', ['m'])).toEqual({
      before: 'X needs consent.',
      consent: '',
      after: '',
      button: 'Allow m and load',
    });
  });
});
