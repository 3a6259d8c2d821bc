/**
 * Which types a layer shows: pure functions of the runtime, apart from the manager so that the
 * notice can render before the manager (its outbox and event making) has downloaded.
 */
import { planConsent } from '../core/consent-plan.ts';
import { isShownInNotice } from '../core/consent-type.ts';
import type { ConsentState } from '../core/types.ts';
import type { Runtime } from './runtime.ts';

/** Labels of the types the notice asks about, in config order. */
export function noticeLabels(runtime: Runtime): string[] {
  return (runtime.config?.consentTypes ?? [])
    .filter((type) => isShownInNotice(type, runtime.preview))
    .map((type) => type.label);
}

/** Disclosures (privacy policy, terms) shown without a valid acknowledgement. */
export function pendingDisclosures(runtime: Runtime): string[] {
  const config = runtime.config;
  if (!config) return [];
  return planConsent({
    types: config.consentTypes,
    decisions: runtime.decisions,
    policy: config.policy,
    gpc: false,
    preview: runtime.preview,
    now: runtime.now(),
  }).disclose;
}

/** A choice the visitor makes in the notice or the center also acknowledges the disclosures shown. */
export function withDisclosures(
  runtime: Runtime,
  states: Record<string, ConsentState>,
): Record<string, ConsentState> {
  const acknowledged = pendingDisclosures(runtime).map((label) => [label, 'accepted'] as const);
  return { ...states, ...Object.fromEntries(acknowledged) };
}

/**
 * Labels of the types the preference center lists: every active type, communication ones only
 * once the site said who the visitor is (an email or SMS consent needs a person to reach).
 */
export function preferenceLabels(runtime: Runtime): string[] {
  return (runtime.config?.consentTypes ?? [])
    .filter(
      (type) =>
        (type.status === 'active' || (runtime.preview && type.status === 'test')) &&
        (type.category !== 'communication' || !!runtime.identity),
    )
    .map((type) => type.label);
}
