import { AssentPreferences } from './assent-preferences.ts';

/**
 * Defines the custom elements the loader carries: `<assent-preferences>` (a few lines that hand
 * the element to the preference center's bundle). `<assent-gate>` is translated, so it lives in
 * the `gate` bundle, which the loader imports once a page holds one (src/ui/gate/index.ts).
 * Idempotent: a second loader, or a page that defined the name first, leaves the existing
 * definition alone. Elements already in the page upgrade at once; later ones as they are inserted.
 */
export function defineElements(registry: CustomElementRegistry = customElements): void {
  if (!registry.get('assent-preferences')) registry.define('assent-preferences', AssentPreferences);
}
