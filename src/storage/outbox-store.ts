/**
 * The stored outbox (events written before their first send, until the server acknowledges
 * them) and the dead-letter list (events the server refused as wrong, kept for inspection).
 */
import type { ConsentEventInput } from '../core/types.ts';
import type { KeyValueStore } from './key-value-store.ts';
import { storeKey } from './stored-state.ts';

const outboxKey = (projectId: string) => storeKey(projectId, 'outbox');
const deadLetterKey = (projectId: string) => storeKey(projectId, 'dead-letter');

/** The stored outbox. Unlike `readStoredState`, rejects when storage cannot be read. */
export async function readOutbox(
  projectId: string,
  store: KeyValueStore,
): Promise<ConsentEventInput[]> {
  const outbox = await store.get<ConsentEventInput[]>(outboxKey(projectId));
  return Array.isArray(outbox) ? outbox : [];
}

/** Appends events to the outbox; an event already there (same id) is not added twice. */
export function addToOutbox(projectId: string, events: ConsentEventInput[], store: KeyValueStore) {
  return store.update<ConsentEventInput[]>(outboxKey(projectId), (old = []) => {
    const ids = new Set(old.map((event) => event.id));
    return [...old, ...events.filter((event) => !ids.has(event.id))];
  });
}

/** Removes the events the server acknowledged (or refused for good). */
export function removeFromOutbox(projectId: string, ids: Set<string>, store: KeyValueStore) {
  return store.update<ConsentEventInput[]>(outboxKey(projectId), (old = []) =>
    old.filter((event) => !ids.has(event.id ?? '')),
  );
}

/** Keeps an event the server refused as wrong. */
export function addDeadLetter(projectId: string, event: ConsentEventInput, store: KeyValueStore) {
  return store.update<ConsentEventInput[]>(deadLetterKey(projectId), (old = []) => [...old, event]);
}

/** Forgets the dead letters (`assent.reset()`). */
export function clearDeadLetters(projectId: string, store: KeyValueStore): Promise<void> {
  return store.del(deadLetterKey(projectId));
}
