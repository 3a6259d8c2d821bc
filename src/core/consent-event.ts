import { expirationFor } from './consent-rules.ts';
import type {
  ConsentAction,
  ConsentEventInput,
  ConsentState,
  ConsentType,
  Decision,
} from './types.ts';

/** What is needed to record one state for one type. */
export interface EventFacts {
  type: ConsentType;
  state: ConsentState;
  action: ConsentAction;
  concordId: string;
  now: Date;
  defaultDuration: string;
  /** The project's `declineDuration`: how long a refusal lasts at least (issue 17). */
  declineDuration?: string | undefined;
  /** A fresh uuid. */
  id: string;
}

/** A consent event in the shape the site API takes (seed 000 item plus `id`). */
export function createConsentEvent(facts: EventFacts): ConsentEventInput {
  const { type, now } = facts;
  return {
    id: facts.id,
    concordId: facts.concordId,
    consentType: type.id,
    category: type.category,
    label: type.label,
    consentState: facts.state,
    consentAction: facts.action,
    consentDate: now.toISOString(),
    expirationDate: expirationFor(
      type,
      now,
      facts.defaultDuration,
      facts.state === 'declined' ? facts.declineDuration : undefined,
    ).toISOString(),
  };
}

/** The decision an event makes, or `undefined` for `viewed`, which decides nothing. */
export function decisionOf(event: ConsentEventInput, type: ConsentType): Decision | undefined {
  if (event.consentState === 'viewed' || !event.id || !event.consentDate || !event.expirationDate) {
    return undefined;
  }
  return {
    label: type.label,
    consentType: type.id,
    version: type.version,
    state: event.consentState,
    action: event.consentAction,
    consentDate: event.consentDate,
    expirationDate: event.expirationDate,
    eventId: event.id,
  };
}
