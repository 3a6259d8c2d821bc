import { describe, expect, it } from 'vitest';
import { fill, placeholderText } from './gate-text.ts';

const EN = {
  content: 'This content',
  text: '{content} loads only with your consent to {consent}.',
  allow: 'Allow {consent} and load',
};

describe('placeholderText', () => {
  it('names the content and the consent it needs, and the button allows that consent', () => {
    expect(placeholderText(EN, 'The video', ['marketing'])).toEqual({
      sentence: [
        { text: 'The video', field: 'content' },
        { text: ' loads only with your consent to ' },
        { text: 'marketing', field: 'consent' },
        { text: '.' },
      ],
      button: [{ text: 'Allow ' }, { text: 'marketing', field: 'consent' }, { text: ' and load' }],
    });
  });

  it('calls unnamed content by the language word for it and joins several consents', () => {
    const { sentence, button } = placeholderText(EN, '', ['analytics', 'marketing']);
    expect(sentence[0]).toEqual({ text: 'This content', field: 'content' });
    expect(button.map((part) => part.text).join('')).toBe('Allow analytics + marketing and load');
  });

  it('puts the fields where the translation puts them, right to left too', () => {
    const ar = {
      content: 'هذا المحتوى',
      text: 'لا يُحمَّل {content} إلا بموافقتك على {consent}.',
      allow: 'السماح بـ {consent} والتحميل',
    };
    expect(placeholderText(ar, 'A video', ['marketing'])).toEqual({
      sentence: [
        { text: 'لا يُحمَّل ' },
        { text: 'A video', field: 'content' },
        { text: ' إلا بموافقتك على ' },
        { text: 'marketing', field: 'consent' },
        { text: '.' },
      ],
      button: [
        { text: 'السماح بـ ' },
        { text: 'marketing', field: 'consent' },
        { text: ' والتحميل' },
      ],
    });
  });
});

describe('fill', () => {
  it('keeps a value with replacement patterns or braces as text', () => {
    expect(fill('{a} and {b}', { a: '$& {b}', b: 'x' })).toEqual([
      { text: '$& {b}', field: 'a' },
      { text: ' and ' },
      { text: 'x', field: 'b' },
    ]);
  });

  it('leaves fields without a value, and a template without fields, as they are', () => {
    expect(fill('{content} needs consent.', { consent: 'm' })).toEqual([
      { text: '{content} needs consent.' },
    ]);
    expect(fill('{constructor}', {})).toEqual([{ text: '{constructor}' }]);
  });
});
