import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TCF_SETTINGS,
  gdprAppliesTo,
  isTcfSiteConfig,
  tcfSettingsProblem,
  tcfSiteConfig,
} from './tcf.ts';

const ON = { ...DEFAULT_TCF_SETTINGS, enabled: true, cmpId: 300, vendors: [1, 2] };

describe('TCF settings', () => {
  it('applies GDPR in the EEA, the UK, Switzerland and an unknown place, not elsewhere', () => {
    for (const place of ['DE', 'FR', 'NO', 'GB', 'CH', 'ES-CT', 'unknown'])
      expect(gdprAppliesTo(place)).toBe(true);
    for (const place of ['US', 'US-CA', 'BR', 'JP']) expect(gdprAppliesTo(place)).toBe(false);
  });

  it('sends nothing to the widget when disabled, and a checked config when enabled', () => {
    expect(tcfSiteConfig(undefined, 'DE')).toBeUndefined();
    expect(tcfSiteConfig(DEFAULT_TCF_SETTINGS, 'DE')).toBeUndefined();
    const sent = tcfSiteConfig(ON, 'DE')!;
    expect(sent).not.toHaveProperty('enabled');
    expect(isTcfSiteConfig(sent)).toBe(true);
    expect(isTcfSiteConfig({ ...sent, vendors: ['1'] })).toBe(false);
    expect(isTcfSiteConfig({ ...sent, gdprApplies: 'yes' })).toBe(false);
  });

  it('refuses legitimate interest for purposes that need consent, and an unregistered CMP id', () => {
    expect(tcfSettingsProblem(ON)).toBeUndefined();
    expect(tcfSettingsProblem({ ...ON, legitimateInterestPurposes: [2, 3] })).toMatch(/3/);
    expect(tcfSettingsProblem({ ...ON, cmpId: 1 })).toMatch(/cmpId/);
    expect(tcfSettingsProblem(DEFAULT_TCF_SETTINGS)).toBeUndefined();
  });
});
