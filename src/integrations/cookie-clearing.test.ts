import { describe, expect, it } from 'vitest';
import type { ConsentType } from '../core/types.ts';
import {
  cookiePatternsToClear,
  expiringAssignments,
  matchesCookiePattern,
  withdrawnLabels,
} from './cookie-clearing.ts';

const type = (label: string, cookies?: string[]) =>
  ({ label, ...(cookies && { cookies }) }) as ConsentType;

describe('matchesCookiePattern', () => {
  it('matches exact names without a wildcard', () => {
    expect(matchesCookiePattern('_fbp', '_fbp')).toBe(true);
    expect(matchesCookiePattern('_fbpx', '_fbp')).toBe(false);
  });

  it('matches any run of characters for each *', () => {
    expect(matchesCookiePattern('_ga_ABC123', '_ga_*')).toBe(true);
    expect(matchesCookiePattern('_ga', '_ga_*')).toBe(false);
    expect(matchesCookiePattern('_gcl_au', '_gcl_*')).toBe(true);
    expect(matchesCookiePattern('x_track_y', '*track*')).toBe(true);
    expect(matchesCookiePattern('session', '*track*')).toBe(false);
    expect(matchesCookiePattern('abab', 'ab*ab')).toBe(true);
    expect(matchesCookiePattern('aba', 'ab*ab')).toBe(false);
  });

  it('treats other characters literally', () => {
    expect(matchesCookiePattern('a.b', 'a.b')).toBe(true);
    expect(matchesCookiePattern('axb', 'a.b')).toBe(false);
    expect(matchesCookiePattern('a(1)', 'a(1)')).toBe(true);
    expect(matchesCookiePattern('a\\b', 'a\\*')).toBe(true);
  });
});

describe('cookiePatternsToClear', () => {
  const types = [
    type('necessary', ['session']),
    type('analytics', ['_ga', '_ga_*', 'shared']),
    type('marketing', ['_fbp', 'shared']),
    type('other'),
  ];

  it('lists the patterns of the named types that are not allowed', () => {
    expect(cookiePatternsToClear(types, { analytics: 'declined' }, ['analytics'])).toEqual([
      '_ga',
      '_ga_*',
      'shared',
    ]);
  });

  it('keeps patterns an allowed type also lists', () => {
    expect(
      cookiePatternsToClear(types, { analytics: 'declined', marketing: 'accepted' }, ['analytics']),
    ).toEqual(['_ga', '_ga_*']);
  });

  it('clears nothing for allowed types or types without cookies', () => {
    expect(cookiePatternsToClear(types, { analytics: 'implied' }, ['analytics', 'other'])).toEqual(
      [],
    );
  });
});

describe('withdrawnLabels', () => {
  it('names labels allowed before and not after', () => {
    expect(
      withdrawnLabels(
        { analytics: 'accepted', marketing: 'implied', necessary: 'accepted' },
        { analytics: 'declined', necessary: 'accepted' },
      ),
    ).toEqual(['analytics', 'marketing']);
  });

  it('names nothing when a first decision declines', () => {
    expect(withdrawnLabels({}, { analytics: 'declined' })).toEqual([]);
    expect(withdrawnLabels({ analytics: 'declined' }, { analytics: 'declined' })).toEqual([]);
  });
});

describe('expiringAssignments', () => {
  it('expires host-only and parent-domain cookies on every path prefix', () => {
    const assignments = expiringAssignments('_ga', 'shop.example.com', '/a/b.html');
    const tails = assignments.map((assignment) => assignment.split('max-age=0;')[1]);
    expect(tails).toEqual([
      'path=/',
      'path=/a',
      'path=/a/',
      'path=/a/b.html',
      'path=/a/b.html/',
      'path=/;domain=shop.example.com',
      'path=/a;domain=shop.example.com',
      'path=/a/;domain=shop.example.com',
      'path=/a/b.html;domain=shop.example.com',
      'path=/a/b.html/;domain=shop.example.com',
      'path=/;domain=example.com',
      'path=/a;domain=example.com',
      'path=/a/;domain=example.com',
      'path=/a/b.html;domain=example.com',
      'path=/a/b.html/;domain=example.com',
    ]);
    expect(assignments[0]).toBe('_ga=;max-age=0;path=/');
  });

  it('uses no domain attribute for IP addresses and single-label hosts', () => {
    expect(expiringAssignments('x', '127.0.0.1', '/')).toHaveLength(1);
    expect(expiringAssignments('x', 'localhost', '/')).toHaveLength(1);
    expect(expiringAssignments('x', '::1', '/')).toHaveLength(1);
  });
});
