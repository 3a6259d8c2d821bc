/**
 * Google Consent Mode v2 as pure functions: which Google consent types a visitor's decisions
 * grant, and the commands that set the defaults. The loader pushes them to `dataLayer`
 * (see data-layer.ts). https://developers.google.com/tag-platform/security/guides/consent
 */
import type { GoogleConsentModeOptions, GoogleConsentType } from '../core/types.ts';

export type GoogleConsentState = 'granted' | 'denied';
export type GoogleConsent = Record<GoogleConsentType, GoogleConsentState>;
/** The arguments of one `gtag(…)` call. */
export type GtagCommand = [string, ...unknown[]];

export const GOOGLE_CONSENT_TYPES: readonly GoogleConsentType[] = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
];

/** The mapping used when the project sets none. */
export const DEFAULT_GOOGLE_CONSENT_MAPPING: Record<string, GoogleConsentType[]> = {
  necessary: ['functionality_storage', 'security_storage'],
  analytics: ['analytics_storage'],
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  preferences: ['functionality_storage', 'personalization_storage'],
};

/** How long Google tags wait for an update after the default, in milliseconds. */
const WAIT_FOR_UPDATE = 500;

const consentOf = (granted: (type: GoogleConsentType) => boolean): GoogleConsent =>
  Object.fromEntries(
    GOOGLE_CONSENT_TYPES.map((type) => [type, granted(type) ? 'granted' : 'denied']),
  ) as GoogleConsent;

/**
 * The consent object for `gtag('consent', 'update', …)`: a Google type is granted when at least
 * one of the project's `labels` names it in `mapping` and every such label is allowed. Labels the
 * project does not have are ignored, so a mapping may name more than one project uses.
 */
export function consentFor(
  allowed: (label: string) => boolean,
  labels: readonly string[],
  mapping: Record<string, readonly GoogleConsentType[]> = DEFAULT_GOOGLE_CONSENT_MAPPING,
): GoogleConsent {
  return consentOf((type) => {
    const naming = labels.filter((label) => mapping[label]?.includes(type));
    return naming.length > 0 && naming.every(allowed);
  });
}

/**
 * The commands that go first, synchronously, before any Google tag reads `dataLayer`: the strict
 * default (everything denied, fail closed) with `wait_for_update`, then region-specific defaults
 * (Google applies the most specific region), then the redaction and passthrough settings.
 */
export function defaultCommands(options: GoogleConsentModeOptions = {}): GtagCommand[] {
  const wait = { wait_for_update: options.waitForUpdate ?? WAIT_FOR_UPDATE };
  const commands: GtagCommand[] = [['consent', 'default', { ...consentOf(() => false), ...wait }]];
  for (const { region, granted } of options.regions ?? []) {
    if (!region.length) continue;
    commands.push([
      'consent',
      'default',
      { ...consentOf((type) => granted.includes(type)), ...wait, region },
    ]);
  }
  if (options.adsDataRedaction) commands.push(['set', 'ads_data_redaction', true]);
  if (options.urlPassthrough) commands.push(['set', 'url_passthrough', true]);
  return commands;
}
