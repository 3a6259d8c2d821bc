import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone.ts';

describe('normalizePhone', () => {
  it('keeps a valid E.164 number', () => {
    expect(normalizePhone('+919876543210', '+91')).toBe('+919876543210');
    expect(normalizePhone('+44 20 7946 0958', '+91')).toBe('+442079460958');
  });

  it('prefixes a 10-digit number with the default calling code', () => {
    expect(normalizePhone('9876543210', '+91')).toBe('+919876543210');
    expect(normalizePhone('2015550123', '+1')).toBe('+12015550123');
  });

  it('refuses numbers no plan gives out, wrong lengths and text', () => {
    expect(normalizePhone('+910000000000', '+91')).toBeUndefined();
    expect(normalizePhone('12345', '+91')).toBeUndefined();
    expect(normalizePhone('98765432101', '+91')).toBeUndefined();
    expect(normalizePhone('call me', '+91')).toBeUndefined();
    expect(normalizePhone('', '+91')).toBeUndefined();
  });
});
