import { describe, expect, it } from 'vitest';
import { consentModeProblems, siteOf } from './scan.ts';

describe('siteOf', () => {
  it('keeps IP addresses and single-label hosts whole', () => {
    expect(siteOf('http://127.0.0.1:8787/a')).toBe('127.0.0.1');
    expect(siteOf('http://localhost:8787/')).toBe('localhost');
    expect(siteOf('http://[::1]:8787/')).toBe('[::1]');
  });

  it('reduces names to their registrable part', () => {
    expect(siteOf('https://www.shop.example/')).toBe('shop.example');
    expect(siteOf('https://a.b.example.co.uk/')).toBe('example.co.uk');
  });
});

describe('consentModeProblems', () => {
  it('accepts a default first, then tags and updates', () => {
    expect(
      consentModeProblems(
        ['consent default', 'set url_passthrough', 'js', 'config G-1', 'consent update'],
        'before consent',
      ),
    ).toEqual([]);
  });

  it('finds a tag command before the default', () => {
    expect(consentModeProblems(['js', 'config G-1', 'consent default'], 'before consent')).toEqual([
      'before consent: "js" comes before the consent default',
    ]);
  });

  it('finds an update without a default', () => {
    expect(consentModeProblems(['consent update'], 'after reject')).toEqual([
      'after reject: dataLayer has consent commands but no default',
      'after reject: the first consent command is "consent update", not a default',
    ]);
  });

  it('has nothing to say about a page without Consent Mode', () => {
    expect(consentModeProblems(['js', 'event gtm.js'], 'before consent')).toEqual([]);
  });
});
