import { describe, expect, it } from 'vitest';
import {
  expirationFor,
  isAsked,
  latestExpirationFor,
  maxDurationFor,
  refuseDuration,
  refuseRetiredType,
} from './consent-rules.ts';
import type { ConsentType } from './types.ts';

const analytics: ConsentType = {
  id: '00000000-0000-4000-8000-0000000000c2',
  category: 'privacy_setting',
  label: 'analytics',
  version: 2,
  name: 'Analytics',
  description: 'Measures visits.',
  required: false,
  readOnly: false,
  validStates: ['viewed', 'accepted', 'declined', 'implied'],
  status: 'active',
  consentDuration: 'P6M',
};

describe('isAsked', () => {
  it('asks active types, and test ones only in preview', () => {
    expect(isAsked({ status: 'active' }, false)).toBe(true);
    expect(isAsked({ status: 'test' }, false)).toBe(false);
    expect(isAsked({ status: 'test' }, true)).toBe(true);
    for (const status of ['archived', 'obsolete'] as const) {
      expect(isAsked({ status }, true)).toBe(false);
    }
  });
});

describe('refuseRetiredType', () => {
  it('refuses new decisions on archived and obsolete types only', () => {
    expect(refuseRetiredType({ label: 'old', status: 'archived' })).toBe(
      'consent type "old" is archived and takes no new decisions',
    );
    expect(refuseRetiredType({ label: 'gone', status: 'obsolete' })).toMatch(/obsolete/);
    expect(refuseRetiredType({ label: 'a', status: 'active' })).toBeUndefined();
    expect(refuseRetiredType({ label: 't', status: 'test' })).toBeUndefined();
  });
});

describe('expirationFor', () => {
  it('adds the type duration to the consent date', () => {
    expect(expirationFor(analytics, new Date('2026-03-31T08:00:00Z'), 'P1Y').toISOString()).toBe(
      '2026-09-30T08:00:00.000Z',
    );
  });

  it('falls back to the project default without a usable type duration', () => {
    const noDuration = { ...analytics, consentDuration: undefined };
    expect(expirationFor(noDuration, new Date('2026-03-01T00:00:00Z'), 'P1Y').toISOString()).toBe(
      '2027-03-01T00:00:00.000Z',
    );
    const broken = { ...analytics, consentDuration: 'six months' };
    expect(expirationFor(broken, new Date('2026-03-01T00:00:00Z'), 'P1D').toISOString()).toBe(
      '2026-03-02T00:00:00.000Z',
    );
  });

  it('never lasts longer than the maximum for the category', () => {
    const long = { ...analytics, consentDuration: 'P2Y' };
    expect(expirationFor(long, new Date('2026-01-31T00:00:00Z'), 'P1Y').toISOString()).toBe(
      '2027-02-28T00:00:00.000Z',
    );
    expect(expirationFor(analytics, new Date('2026-01-31T00:00:00Z'), 'P1Y').toISOString()).toBe(
      '2026-07-31T00:00:00.000Z',
    );
  });

  it('applies the 13-month cookie cap to privacy settings and five years to every other category', () => {
    expect(maxDurationFor('privacy_setting')).toBe('P13M');
    for (const category of ['disclosure', 'communication', 'custom', 'custom_loyalty'] as const) {
      expect(maxDurationFor(category)).toBe('P5Y');
    }
    const long = { ...analytics, category: 'disclosure' as const, consentDuration: 'P2Y' };
    expect(expirationFor(long, new Date('2026-01-31T00:00:00Z'), 'P1Y').toISOString()).toBe(
      '2028-01-31T00:00:00.000Z',
    );
    const tenYears = { ...long, consentDuration: 'P10Y' };
    expect(expirationFor(tenYears, new Date('2026-01-31T00:00:00Z'), 'P1Y').toISOString()).toBe(
      '2031-01-31T00:00:00.000Z',
    );
  });

  it('gives the latest expiration a category allows', () => {
    const date = new Date('2026-01-31T00:00:00Z');
    expect(latestExpirationFor('privacy_setting', date)?.toISOString()).toBe(
      '2027-02-28T00:00:00.000Z',
    );
    expect(latestExpirationFor('communication', date)?.toISOString()).toBe(
      '2031-01-31T00:00:00.000Z',
    );
  });

  it('refuses durations of nothing and past the category cap, from any start day', () => {
    for (const nothing of ['P0D', 'PT0S', 'P0Y0M']) {
      expect(refuseDuration('privacy_setting', nothing)).toBe(
        `consentDuration "${nothing}" must be longer than nothing`,
      );
    }
    for (const long of ['P14M', 'P500D', 'P1000000000000D', 'P397D', 'P13M1D']) {
      expect(refuseDuration('privacy_setting', long)).toBe(
        `consentDuration "${long}" is longer than P13M, the longest a "privacy_setting" consent may last`,
      );
    }
    expect(refuseDuration('custom_loyalty', 'P5Y1D')).toContain('longer than P5Y');
    expect(refuseDuration('privacy_setting', 'six months')).toBe(
      'consentDuration "six months" is not an ISO 8601 duration',
    );
    for (const fine of ['P13M', 'P1Y', 'P6M', 'P365D', 'PT1S']) {
      expect(refuseDuration('privacy_setting', fine)).toBeUndefined();
    }
    expect(refuseDuration('communication', 'P5Y')).toBeUndefined();
  });

  it('throws on a project default that is not a duration', () => {
    expect(() =>
      expirationFor({ ...analytics, consentDuration: undefined }, new Date(), 'x'),
    ).toThrow(/not an ISO 8601 duration/);
  });
});
