import type { ConsentType } from '../../src/core/types.ts';
import type { NewConsentEvent } from '../db/repositories/consent-events.ts';

/** What a visitor did, as the console counts it (the rollup's label `''`). */
export type Outcome = 'notice' | 'accept_all' | 'reject_all' | 'mix';

/** One count of the rollup before the database adds the session's geography. */
export interface RollupCount {
  day: string;
  sessionId: string | null;
  language: string;
  surface: string;
  label: string;
  state: string;
  n: number;
}

function personKey(event: NewConsentEvent): string {
  return (
    event.sessionId ??
    event.concordId ??
    event.userId ??
    event.email ??
    event.phoneNumber ??
    event.projectUserId ??
    event.id
  );
}

/**
 * The outcomes of one person's events written together. A `viewed` event of a type that is not a
 * disclosure, recorded without a click, is a notice shown (the widget records one per type shown,
 * in one batch: counted once). Clicks on the types a person can choose (not disclosures, not
 * required types) are all accepted, all declined, or a mix. Events from different requests of
 * one person in one group commit count once; the notice and the click in one batch count both.
 */
function outcomesOf(events: NewConsentEvent[], types: Map<string, ConsentType>): Outcome[] {
  const choosable = (event: NewConsentEvent) => {
    const type = types.get(event.consentTypeId);
    return event.category !== 'disclosure' && !type?.required;
  };
  const outcomes: Outcome[] = [];
  if (events.some((e) => e.consentState === 'viewed' && e.category !== 'disclosure')) {
    outcomes.push('notice');
  }
  const clicks = events.filter(
    (e) =>
      choosable(e) &&
      e.consentAction !== 'implied' &&
      (e.consentState === 'accepted' || e.consentState === 'declined'),
  );
  if (clicks.length > 0) {
    const accepted = clicks.filter((e) => e.consentState === 'accepted').length;
    outcomes.push(
      accepted === clicks.length ? 'accept_all' : accepted === 0 ? 'reject_all' : 'mix',
    );
  }
  return outcomes;
}

/** The rollup counts of events about to be inserted: one per label and state, and the outcomes. */
export function rollupCounts(events: NewConsentEvent[], types: ConsentType[]): RollupCount[] {
  const byId = new Map(types.map((type) => [type.id, type]));
  const counts: RollupCount[] = [];
  // The counts of the last event's day, session, language and surface, by label and state: the
  // events of a group come a request at a time, so that key is made once per run of them, not
  // once per event (issue 19: this runs for every stored event).
  let last: NewConsentEvent | undefined;
  let day = '';
  let byLabel = new Map<string, Map<string, RollupCount>>();
  const runs = new Map<string, Map<string, Map<string, RollupCount>>>();
  const add = (event: NewConsentEvent, label: string, state: string) => {
    const sessionId = event.sessionId ?? null;
    // From the event's proof (issue 17); a server-made event's surface is its path's.
    const language = event.proof?.language ?? '';
    const surface = event.proof?.surface ?? event.surface ?? '';
    if (
      last === undefined ||
      event.createdAt !== last.createdAt ||
      sessionId !== (last.sessionId ?? null) ||
      language !== (last.proof?.language ?? '') ||
      surface !== (last.proof?.surface ?? last.surface ?? '')
    ) {
      // One string per run, unambiguous whatever the texts hold: the day has a fixed length, a
      // session id is a uuid or null, the free texts go with their lengths.
      day = event.createdAt.slice(0, 10);
      const key = `${day}|${sessionId}|${language.length}:${language}|${surface.length}:${surface}`;
      byLabel = runs.get(key) ?? new Map();
      runs.set(key, byLabel);
    }
    last = event;
    let byState = byLabel.get(label);
    if (byState === undefined) byLabel.set(label, (byState = new Map()));
    const known = byState.get(state);
    if (known) known.n += 1;
    else {
      const count = { day, sessionId, language, surface, label, state, n: 1 };
      byState.set(state, count);
      counts.push(count);
    }
  };
  // Issue 19: a group commit can hold a thousand events of one visitor; each is pushed once,
  // not copied with every event before it.
  const people = new Map<string, NewConsentEvent[]>();
  for (const event of events) {
    add(event, event.label, event.consentState);
    const key = personKey(event);
    const own = people.get(key);
    if (own) own.push(event);
    else people.set(key, [event]);
  }
  for (const own of people.values()) {
    for (const outcome of outcomesOf(own, byId)) add(own[0]!, '', outcome);
  }
  return counts;
}
