import { describe, expect, it } from 'vitest';
import { resolveGeography } from './geography.ts';

describe('resolveGeography', () => {
  it('uppercases a country or a country with its subdivision', () => {
    expect(resolveGeography('de')).toBe('DE');
    expect(resolveGeography(' us-ca ')).toBe('US-CA');
  });

  it('answers unknown without a header or with a value that is not a region', () => {
    expect(resolveGeography(undefined)).toBe('unknown');
    expect(resolveGeography('')).toBe('unknown');
    expect(resolveGeography('XX1')).toBe('unknown');
    expect(resolveGeography('<script>')).toBe('unknown');
  });

  it('prefers a valid override to the header', () => {
    expect(resolveGeography('DE', 'us-ca')).toBe('US-CA');
    expect(resolveGeography('DE', 'bogus')).toBe('DE');
  });
});
