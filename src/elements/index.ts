import { AssentGate } from './assent-gate.ts';
import { AssentPreferences } from './assent-preferences.ts';

/**
 * Defines Assent's custom elements. Idempotent: a second loader, or a page that defined one of
 * the names first, leaves the existing definition alone. Elements already in the page upgrade
 * at once; later ones as they are inserted.
 */
export function defineElements(registry: CustomElementRegistry = customElements): void {
  for (const [name, constructor] of [
    ['assent-gate', AssentGate],
    ['assent-preferences', AssentPreferences],
  ] as const) {
    if (!registry.get(name)) registry.define(name, constructor);
  }
}
