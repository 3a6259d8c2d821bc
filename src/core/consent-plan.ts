import { isAsked } from './consent-rules.ts';
import { validDecisions } from './decision.ts';
import type { ConsentPolicy, ConsentType, Decision } from './types.ts';

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
  /**
   * The labels GPC declines for this visitor, as `site-client` computed them from the state law
   * (`gpcDeclinedLabels`, `opt-out-category.ts`); without, the types marked `sale_or_sharing`.
   * Computed by the server so that the loader carries no state table.
   */
  gpcDeclines?: readonly string[] | undefined;
  /** `test` types are asked too (the script tag's `data-preview`). */
  preview: boolean;
  now: Date;
  /** The project's `defaultConsentDuration`, for types without a duration of their own. */
  defaultDuration?: string | undefined;
}

/** Marked as a sale or sharing of personal data, which Global Privacy Control opts out of. */
export function isSaleOrSharing(type: ConsentType): boolean {
  const marks = Array.isArray(type.subcategory) ? type.subcategory : [type.subcategory];
  return marks.includes('sale_or_sharing');
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
    } else if (
      gpc &&
      (input.gpcDeclines ? input.gpcDeclines.includes(type.label) : isSaleOrSharing(type)) &&
      type.validStates.includes('declined')
    ) {
      plan.gpcDecline.push(type.label);
    } else if (policy !== 'opt-in' && type.validStates.includes('implied')) {
      plan.imply.push(type.label);
    } else {
      plan.ask.push(type.label);
    }
  }
  return plan;
}
