/**
 * The IAB Transparency and Consent Framework (TCF 2.3) as a project configures it (issue 20):
 * the settings shared by the server (Privacy API, site API) and the widget's TCF chunk. Pure.
 */
import { EEA } from './jurisdiction.ts';
import type { TcfSettings, TcfSiteConfig } from './types.ts';

export type { TcfSettings, TcfSiteConfig };

/** A project's settings before it sets any: TCF off. */
export const DEFAULT_TCF_SETTINGS: TcfSettings = {
  enabled: false,
  cmpId: 0,
  cmpVersion: 1,
  // The TC string's "unknown" country.
  publisherCountryCode: 'AA',
  vendors: [],
  purposes: [],
  specialFeatures: [],
  legitimateInterestPurposes: [],
  googleAcProviders: [],
};

/** Purposes the TCF policies forbid on legitimate interest (2.2 onwards). */
export const CONSENT_ONLY_PURPOSES = [1, 3, 4, 5, 6] as const;
export const PURPOSE_COUNT = 11;
export const SPECIAL_FEATURE_COUNT = 2;

/**
 * GDPR or its UK and Swiss twins apply: the EEA, the UK, Switzerland, and, failing closed, a
 * visitor whose geography the server could not resolve.
 */
export function gdprAppliesTo(geography: string): boolean {
  const country = geography.slice(0, 2);
  return (
    geography === 'unknown' ||
    (EEA as readonly string[]).includes(country) ||
    country === 'GB' ||
    country === 'CH'
  );
}

/** The settings in `site-client` for a visitor in `geography`; `undefined` when disabled. */
export function tcfSiteConfig(
  settings: TcfSettings | undefined,
  geography: string,
): TcfSiteConfig | undefined {
  if (!settings?.enabled) return undefined;
  const { enabled: _enabled, ...rest } = settings;
  return { ...rest, gdprApplies: gdprAppliesTo(geography) };
}

/** Whether a `site-client` value is a TCF config the chunk can run on. */
export function isTcfSiteConfig(value: unknown): value is TcfSiteConfig {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const ids = (list: unknown) =>
    Array.isArray(list) && list.every((id) => Number.isInteger(id) && id > 0);
  return (
    Number.isInteger(v.cmpId) &&
    Number.isInteger(v.cmpVersion) &&
    typeof v.publisherCountryCode === 'string' &&
    typeof v.gdprApplies === 'boolean' &&
    ids(v.vendors) &&
    ids(v.purposes) &&
    ids(v.specialFeatures) &&
    ids(v.legitimateInterestPurposes) &&
    ids(v.googleAcProviders)
  );
}

/** What is wrong with settings the schema let through (ranges across fields); `undefined` when fine. */
export function tcfSettingsProblem(settings: TcfSettings): string | undefined {
  const forbidden = settings.legitimateInterestPurposes.filter((id) =>
    (CONSENT_ONLY_PURPOSES as readonly number[]).includes(id),
  );
  if (forbidden.length) {
    return `tcf.legitimateInterestPurposes: purposes ${forbidden.join(', ')} need consent, never legitimate interest`;
  }
  if (settings.enabled && settings.cmpId < 2) {
    return 'tcf.cmpId: an enabled TCF project needs the CMP id the IAB registered (2–4095)';
  }
  return undefined;
}
