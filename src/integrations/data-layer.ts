/**
 * The page's `dataLayer`: `gtag(…)` commands for Google tags, and the `assent_ready` /
 * `assent_change` events for tag-manager triggers.
 */
import type { Emitter } from '../core/emitter.ts';
import type { AssentEvents } from '../../types/assent.d.ts';

declare global {
  interface Window {
    dataLayer?: unknown[];
  }
}

/** The arguments of one `gtag(…)` call. */
export type GtagCommand = [string, ...unknown[]];

function dataLayer(): unknown[] {
  return (window.dataLayer = window.dataLayer || []);
}

/**
 * Exactly what Google's snippet does: gtag.js reads commands only as `arguments` objects, an
 * array pushed instead is ignored.
 */
export function gtag(..._command: GtagCommand): void {
  try {
    // eslint-disable-next-line prefer-rest-params
    dataLayer().push(arguments);
  } catch {
    // A page whose dataLayer cannot take pushes has no Google tag to tell.
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

/**
 * `assent_ready` and `assent_change` in dataLayer, each after the consent update its change
 * caused (the runtime pushes that update as it applies the change, before it emits `change`),
 * so that tag-manager triggers on them see the new consent. Nothing when the project turned
 * Google Consent Mode off.
 */
export function connectDataLayer(emitter: Emitter<AssentEvents>, disabled: () => boolean): void {
  emitter.on('ready', (detail) => {
    if (!disabled()) pushDataLayerEvent('assent_ready', detail);
  });
  emitter.on('change', (detail) => {
    if (!disabled()) pushDataLayerEvent('assent_change', detail);
  });
}
