/**
 * The `<assent-gate>` bundle: the element (plain DOM, no UI framework) with its placeholder in the
 * visitor's language. The loader imports it by URL once a page holds an `<assent-gate>`, so
 * neither the element nor any language's strings weigh on pages without one. Until it is here the
 * element is unknown to the browser and its `<template>` inert: nothing gated loads (fail closed).
 */
import { gateElement, type LocalizedGateTexts } from '../../elements/assent-gate.ts';
import { requestedStates } from '../../core/choice.ts';
import { managerFor } from '../../manager/index.ts';
import type { GateBundle } from '../../runtime/bundles.ts';
import { loadStrings } from '../i18n/ui-strings.ts';

/**
 * Defines `<assent-gate>` (unless the page defined the name first). Its strings wait for `ready`:
 * the language is chosen as the notice's is, from the project's config.
 */
export const defineGate: GateBundle['defineGate'] = (runtime, ready, registry = customElements) => {
  if (registry.get('assent-gate')) return;
  let texts: Promise<LocalizedGateTexts> | undefined;
  const load = async (): Promise<LocalizedGateTexts> => {
    await ready;
    // Without a config (the site API is down) the placeholder still explains itself.
    const config = runtime.config ?? { texts: {}, defaultLanguage: 'en' };
    const strings = await loadStrings(config, runtime.languages);
    return { ...strings.gate, language: strings.language, dir: strings.dir };
  };
  registry.define(
    'assent-gate',
    gateElement(
      () => (texts ??= load()),
      // The proof says the gate's button decided, not the window API (issue 17).
      (labels) =>
        managerFor(runtime).choose(
          requestedStates(runtime.config?.consentTypes ?? [], labels, true, runtime.preview),
          'user_click',
          { surface: 'gate' },
        ),
    ),
  );
};
