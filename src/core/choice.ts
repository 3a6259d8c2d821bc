/**
 * The rules of a visitor's choice, as pure functions: which types each layer shows, which
 * disclosures a choice acknowledges, and the states a click records. The manager applies them
 * to every decision; the notice and the preference center use them to render.
 */
import { planConsent } from './consent-plan.ts';
import { isAsked } from './consent-rules.ts';
import { isShownInNotice } from './consent-type.ts';
import type { ConsentState, ConsentType, Decision } from './types.ts';

/** Which types are switched on: the visitor's choice, by label. */
export type Choices = Record<string, boolean>;

/** What a choice depends on: the project's types and the visitor's decisions, valid or not. */
export interface ChoiceContext {
  types: ConsentType[];
  decisions: Record<string, Decision>;
  /** `test` types are asked too (the script tag's `data-preview`). */
  preview: boolean;
  now: Date;
}

/** Labels of the types the notice asks about, in config order. */
export function noticeLabels(types: ConsentType[], preview: boolean): string[] {
  return types.filter((type) => isShownInNotice(type, preview)).map((type) => type.label);
}

/**
 * Labels of the types the preference center lists: every asked type, communication ones only
 * once the site said who the visitor is (an email or SMS consent needs a person to reach).
 */
export function preferenceLabels(
  types: ConsentType[],
  preview: boolean,
  identified: boolean,
): string[] {
  return types
    .filter((type) => isAsked(type, preview) && (type.category !== 'communication' || identified))
    .map((type) => type.label);
}

/** Disclosures (privacy policy, terms) asked without a valid acknowledgement. */
export function pendingDisclosures(context: ChoiceContext): string[] {
  return planConsent({ ...context, policy: 'opt-in', gpc: false }).disclose;
}

/**
 * A choice the visitor makes (in the notice, the center, through the window API) also
 * acknowledges the pending disclosures.
 */
export function withDisclosures(
  states: Record<string, ConsentState>,
  context: ChoiceContext,
): Record<string, ConsentState> {
  const acknowledged = pendingDisclosures(context).map((label) => [label, 'accepted'] as const);
  return { ...states, ...Object.fromEntries(acknowledged) };
}

/**
 * Switches start on only for a valid acceptance (or implied consent): nothing is pre-ticked for a
 * type the visitor has not decided on. `valid` holds the valid decisions, by label.
 */
export function initialChoices(valid: Record<string, Decision>): Choices {
  return Object.fromEntries(
    Object.entries(valid).map(([label, decision]) => [
      label,
      decision.state === 'accepted' || decision.state === 'implied',
    ]),
  );
}

/** Whether the visitor may switch a type on and off. */
export function isEditable(type: ConsentType): boolean {
  return (
    !type.required &&
    !type.readOnly &&
    type.validStates.includes('accepted') &&
    type.validStates.includes('declined')
  );
}

/** The states to record for `types`: required ones accepted, the others as switched. */
export function statesFromChoices(types: ConsentType[], on: Choices): Record<string, ConsentState> {
  return Object.fromEntries(
    types
      .filter((type) => type.required || isEditable(type))
      .map((type) => [type.label, type.required || on[type.label] ? 'accepted' : 'declined']),
  );
}

/** "Accept all" / "Reject all": every type as `accept` says, required ones accepted. */
export function allStates(types: ConsentType[], accept: boolean): Record<string, ConsentState> {
  return statesFromChoices(types, Object.fromEntries(types.map((type) => [type.label, accept])));
}

/**
 * `assent.accept(labels)` / `assent.decline(labels)`: the named types, or every type the notice
 * shows. Declining everything keeps required types accepted; declining one by name is left for
 * the manager to refuse.
 */
export function requestedStates(
  types: ConsentType[],
  labels: string[] | undefined,
  accept: boolean,
  preview: boolean,
): Record<string, ConsentState> {
  const byLabel = new Map(types.map((type) => [type.label, type]));
  const states: Record<string, ConsentState> = {};
  for (const label of labels ?? noticeLabels(types, preview)) {
    states[label] = accept || (!labels && byLabel.get(label)?.required) ? 'accepted' : 'declined';
  }
  return states;
}
