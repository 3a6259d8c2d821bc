import { isAsked } from './consent-rules.ts';
import { validDecisions } from './decision.ts';
import { gpcOptOutsFor, optOutCategoriesOf } from './opt-out-category.ts';
import type { ConsentPolicy, ConsentType, Decision, UsStateRule } from './types.ts';

/** What the widget must do for a visitor, given the project's types and what they decided. */
export interface ConsentPlan {
  /** Purposes the notice asks about now: no valid decision, and the policy wants consent first. */
  ask: string[];
  /** Purposes recorded as `implied` without asking (opt-out and notice-only policies). */
  imply: string[];
  /** Opt-out purposes (sale, sharing, targeted advertising) Global Privacy Control declines without a prompt. */
  gpcDecline: string[];
  /** Disclosures (privacy policy, terms) without a valid acknowledgement. */
  disclose: string[];
}

export interface PlanInput {
  types: ConsentType[];
  decisions: Record<string, Decision>;
  policy: ConsentPolicy;
  /** Global Privacy Control is on. */
  gpc: boolean;
  /** The visitor's US state law: which of its opt-outs GPC declines (`GPC_DEFAULT` without). */
  usState?: UsStateRule | undefined;
  /** `test` types are asked too (the script tag's `data-preview`). */
  preview: boolean;
  now: Date;
  /** The project's `defaultConsentDuration`, for types without a duration of their own. */
  defaultDuration?: string | undefined;
}

/**
 * Marked with an opt-out category that Global Privacy Control declines for this visitor: the
 * state's own list (Colorado: sale and targeted advertising), or `GPC_DEFAULT`.
 */
export function isGpcOptOut(type: ConsentType, usState?: UsStateRule): boolean {
  const declined = gpcOptOutsFor(usState?.gpc);
  return optOutCategoriesOf(type).some((category) => declined.includes(category));
}

/**
 * Decides, per type and independently of the others, whether to ask, imply, decline for GPC, or
 * leave alone. A valid decision is never overridden: an explicit choice outlives the GPC signal,
 * and a GPC decline outlives the signal going away (that is not an opt-in).
 */
export function planConsent(input: PlanInput): ConsentPlan {
  const { types, policy, gpc, preview, now } = input;
  const valid = validDecisions(input.decisions, types, now, preview, input.defaultDuration);
  const plan: ConsentPlan = { ask: [], imply: [], gpcDecline: [], disclose: [] };
  for (const type of types) {
    if (!isAsked(type, preview) || type.required || valid[type.label]) continue;
    if (type.category === 'disclosure') {
      plan.disclose.push(type.label);
    } else if (type.category !== 'privacy_setting') {
      continue; // communication and custom types belong to the preference center
    } else if (gpc && isGpcOptOut(type, input.usState) && type.validStates.includes('declined')) {
      plan.gpcDecline.push(type.label);
    } else if (policy !== 'opt-in' && type.validStates.includes('implied')) {
      plan.imply.push(type.label);
    } else {
      plan.ask.push(type.label);
    }
  }
  return plan;
}

/**
 * The purposes an opt-out preference signal decided: declined without a click (`implied`), which
 * only Global Privacy Control does. What the "Opt-out signal honoured" indicator shows, until the
 * visitor chooses otherwise themselves.
 */
export function signalHonoured(decisions: Record<string, Decision>): string[] {
  return Object.values(decisions)
    .filter((decision) => decision.state === 'declined' && decision.action === 'implied')
    .map((decision) => decision.label);
}
