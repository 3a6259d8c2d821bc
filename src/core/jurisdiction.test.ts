import { describe, expect, it } from 'vitest';
import { EEA, parseGeography, policyFor } from './jurisdiction.ts';

describe('policyFor', () => {
  it.each([...EEA, 'GB', 'CH'])('asks first in %s', (country) => {
    expect(policyFor(country)).toBe('opt-in');
  });

  it('lets visitors opt out in US states, by region or country', () => {
    expect(policyFor('US-CA')).toBe('opt-out');
    expect(policyFor('US')).toBe('opt-out');
  });

  it('gives unknown or malformed geography the strictest policy', () => {
    expect(policyFor('unknown')).toBe('opt-in');
    expect(policyFor('')).toBe('opt-in');
    expect(policyFor('usa')).toBe('opt-in');
  });

  it('prefers a region over its country, then the project default', () => {
    const table = {
      default: 'notice-only' as const,
      regions: { US: 'opt-out' as const, 'US-CA': 'opt-in' as const },
    };
    expect(policyFor('US-CA', table)).toBe('opt-in');
    expect(policyFor('US-TX', table)).toBe('opt-out');
    expect(policyFor('JP', table)).toBe('notice-only');
  });
});

describe('parseGeography', () => {
  it('reads country and country-region codes in any case', () => {
    expect(parseGeography(' de ')).toBe('DE');
    expect(parseGeography('us-ca')).toBe('US-CA');
  });

  it.each([undefined, null, '', 'XX1', 'DEU', 'US_CA', 'US-CALI'])(
    'refuses %s as unknown',
    (value) => {
      expect(parseGeography(value)).toBe('unknown');
    },
  );
});
