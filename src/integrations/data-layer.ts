/**
 * The page side of Google Consent Mode: pushes the default synchronously, an update whenever the
 * visitor's consent changes what Google tags may do, and `assent_ready` / `assent_change` events
 * for tag-manager triggers.
 */
import { isAllowingState } from '../core/decision.ts';
import type { Emitter } from '../core/emitter.ts';
import type { ConsentState, GoogleConsentModeOptions, SiteConfig } from '../core/types.ts';
import type { AssentEvents, Runtime } from '../manager/runtime.ts';
import { consentFor, defaultCommands, type GtagCommand } from './google-consent-mode.ts';

declare global {
  interface Window {
    dataLayer?: unknown[];
  }
}

function dataLayer(): unknown[] {
  return (window.dataLayer = window.dataLayer || []);
}

/**
 * Exactly what Google's snippet does: gtag.js reads commands only as `arguments` objects, an
 * array pushed instead is ignored.
 */
function gtag(..._command: GtagCommand): void {
  try {
    // eslint-disable-next-line prefer-rest-params
    dataLayer().push(arguments);
  } catch {
    // A page whose dataLayer cannot take pushes has no Google tag to tell.
  }
}

/** `defaultCommands`, falling back to the strict default when stored settings are malformed. */
function safeDefaults(options: GoogleConsentModeOptions): GtagCommand[] {
  try {
    return defaultCommands(options);
  } catch {
    return defaultCommands();
  }
}

/** Pushes a plain event object (`{event: 'assent_change', …}`) for tag-manager triggers. */
function pushDataLayerEvent(event: string, detail: object): void {
  try {
    dataLayer().push({ event, assent: detail });
  } catch {
    // A page that replaced dataLayer with something unpushable loses the event, nothing more.
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

/**
 * `assent_ready` and `assent_change` in dataLayer, each after the consent update it may cause,
 * so that tag-manager triggers on them see the new consent.
 */
export function connectDataLayer(
  emitter: Emitter<AssentEvents>,
  runtime: Runtime,
  consentMode: ConsentModeBridge,
): void {
  emitter.on('ready', (detail) => {
    if (!consentMode.disabled()) pushDataLayerEvent('assent_ready', detail);
  });
  emitter.on('change', (detail) => {
    // reset() forgets decisions without a commit: Google tags must hear about it too.
    consentMode.update(runtime.config, detail.states);
    if (!consentMode.disabled()) pushDataLayerEvent('assent_change', detail);
  });
}
