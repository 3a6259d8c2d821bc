import { describe, expect, it } from 'vitest';
import { consentFor, defaultCommands, GOOGLE_CONSENT_TYPES } from './google-consent-mode.ts';

const DEMO_LABELS = ['necessary', 'analytics', 'marketing', 'privacy_policy'];
const allowing =
  (...labels: string[]) =>
  (label: string) =>
    labels.includes(label);

describe('consentFor', () => {
  it('denies every Google type when nothing is allowed', () => {
    const consent = consentFor(allowing(), DEMO_LABELS);
    expect(Object.keys(consent).sort()).toEqual([...GOOGLE_CONSENT_TYPES].sort());
    expect(new Set(Object.values(consent))).toEqual(new Set(['denied']));
  });

  it('grants the ad types only when marketing is allowed', () => {
    expect(consentFor(allowing('necessary', 'marketing'), DEMO_LABELS)).toEqual({
      ad_storage: 'granted',
      ad_user_data: 'granted',
      ad_personalization: 'granted',
      analytics_storage: 'denied',
      functionality_storage: 'granted',
      personalization_storage: 'denied',
      security_storage: 'granted',
    });
  });

  it('grants analytics_storage when analytics is allowed and marketing declined', () => {
    const consent = consentFor(allowing('necessary', 'analytics'), DEMO_LABELS);
    expect(consent.analytics_storage).toBe('granted');
    expect(consent.ad_storage).toBe('denied');
    expect(consent.ad_user_data).toBe('denied');
    expect(consent.ad_personalization).toBe('denied');
  });

  it('ignores mapped labels the project does not have', () => {
    // `preferences` is in the default mapping but not in the demo project.
    expect(consentFor(allowing('necessary'), DEMO_LABELS).functionality_storage).toBe('granted');
    expect(consentFor(allowing('necessary'), DEMO_LABELS).personalization_storage).toBe('denied');
  });

  it('requires every label naming a Google type to be allowed', () => {
    const labels = ['necessary', 'preferences'];
    expect(consentFor(allowing('necessary'), labels).functionality_storage).toBe('denied');
    expect(consentFor(allowing('necessary', 'preferences'), labels).functionality_storage).toBe(
      'granted',
    );
  });

  it('follows a mapping from the project config', () => {
    const mapping = { stats: ['analytics_storage' as const, 'ad_user_data' as const] };
    const consent = consentFor(allowing('stats'), ['stats', 'marketing'], mapping);
    expect(consent.analytics_storage).toBe('granted');
    expect(consent.ad_user_data).toBe('granted');
    expect(consent.ad_storage).toBe('denied');
  });
});

describe('defaultCommands', () => {
  it('starts with an all-denied default that waits for the update', () => {
    const [first, ...rest] = defaultCommands();
    expect(first).toEqual([
      'consent',
      'default',
      {
        ad_storage: 'denied',
        ad_user_data: 'denied',
        ad_personalization: 'denied',
        analytics_storage: 'denied',
        functionality_storage: 'denied',
        personalization_storage: 'denied',
        security_storage: 'denied',
        wait_for_update: 500,
      },
    ]);
    expect(rest).toEqual([]);
  });

  it('adds region-specific defaults after the global one, and the redaction and passthrough settings', () => {
    const commands = defaultCommands({
      waitForUpdate: 800,
      regions: [
        { region: ['US-CA', 'US-VA'], granted: ['analytics_storage'] },
        { region: [], granted: [] },
      ],
      adsDataRedaction: true,
      urlPassthrough: true,
    });
    expect(commands).toHaveLength(4);
    expect(commands[0]![2]).toMatchObject({ analytics_storage: 'denied', wait_for_update: 800 });
    expect(commands[1]).toEqual([
      'consent',
      'default',
      expect.objectContaining({
        analytics_storage: 'granted',
        ad_storage: 'denied',
        region: ['US-CA', 'US-VA'],
        wait_for_update: 800,
      }),
    ]);
    expect(commands.slice(2)).toEqual([
      ['set', 'ads_data_redaction', true],
      ['set', 'url_passthrough', true],
    ]);
  });
});
