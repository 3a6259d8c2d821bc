import { validDecisions } from '../../core/decision.ts';
import type { ConsentState, ConsentType, Decision } from '../../core/types.ts';
import type { Runtime } from '../../manager/index.ts';

/** Which types are switched on: the visitor's choice, by label. */
export type Choices = Record<string, boolean>;

/** The runtime's valid decisions, by label. */
export function currentDecisions(runtime: Runtime): Record<string, Decision> {
  const config = runtime.config;
  return config
    ? validDecisions(runtime.decisions, config.consentTypes, runtime.now(), runtime.preview)
    : {};
}

/**
 * Switches start on only for a valid acceptance (or implied consent): nothing is pre-ticked for a
 * type the visitor has not decided on.
 */
export function initialChoices(runtime: Runtime): Choices {
  return Object.fromEntries(
    Object.entries(currentDecisions(runtime)).map(([label, decision]) => [
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
