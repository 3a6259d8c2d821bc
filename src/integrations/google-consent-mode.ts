/**
 * Google Consent Mode v2: which Google consent types a visitor's decisions grant and the
 * commands that set the defaults (pure functions), and `startConsentMode`, which pushes them to
 * `dataLayer` (see data-layer.ts). https://developers.google.com/tag-platform/security/guides/consent
 */
import { isAllowingState } from '../core/decision.ts';
import type {
  ConsentState,
  GoogleConsentModeOptions,
  GoogleConsentType,
  SiteConfig,
} from '../core/types.ts';
import { gtag, type GtagCommand } from './data-layer.ts';

export type GoogleConsentState = 'granted' | 'denied';
export type GoogleConsent = Record<GoogleConsentType, GoogleConsentState>;
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

/** `defaultCommands`, falling back to the strict default when stored settings are malformed. */
function safeDefaults(options: GoogleConsentModeOptions): GtagCommand[] {
  try {
    return defaultCommands(options);
  } catch {
    return defaultCommands();
  }
}

export interface ConsentModeBridge {
  /** Pushes `consent update` when the states grant something different from the last push. */
  update(config: SiteConfig | undefined, states: Record<string, ConsentState>): void;
  /** Whether the project turned Google Consent Mode and the dataLayer events off. */
  disabled(): boolean;
}

/**
 * Pushes the defaults now, synchronously: the loader runs before the Google tag, so they are the
 * first consent command in `dataLayer`. Region defaults and settings come from the project's last
 * known config, kept in localStorage because IndexedDB cannot be read synchronously.
 */
export function startConsentMode(projectId: string): ConsentModeBridge {
  const key = `assent:gcm:${projectId}`;
  let cached: string | null = null;
  try {
    cached = localStorage.getItem(key);
  } catch {
    // Storage blocked: the strict default still applies.
  }
  let options: GoogleConsentModeOptions = {};
  try {
    options = (cached && (JSON.parse(cached) as GoogleConsentModeOptions)) || {};
  } catch {
    cached = null;
  }
  let enabled = options.enabled !== false;
  if (enabled) for (const command of safeDefaults(options)) gtag(...command);
  let last: string | undefined;

  return {
    update(config, states) {
      if (!config) return;
      const settings = config.googleConsentMode ?? {};
      enabled = settings.enabled !== false;
      const serialized = JSON.stringify(settings);
      if (serialized !== cached) {
        try {
          localStorage.setItem(key, (cached = serialized));
        } catch {
          // Next page view falls back to the strict default.
        }
      }
      // Nothing decided and nothing granted yet: the default already says so.
      if (!enabled || (!Object.keys(states).length && last === undefined)) return;
      const allowed = (label: string) => isAllowingState(states[label]);
      const labels = config.consentTypes.map((type) => type.label);
      let consent;
      try {
        consent = consentFor(allowed, labels, settings.mapping);
      } catch {
        // A malformed mapping from config: the built-in one, rather than an error in the page.
        consent = consentFor(allowed, labels);
      }
      const next = JSON.stringify(consent);
      if (next === last) return;
      last = next;
      gtag('consent', 'update', consent);
    },
    disabled: () => !enabled,
  };
}
