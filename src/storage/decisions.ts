import type { Decision } from '../core/types.ts';
import type { KeyValueStore } from './key-value-store.ts';
import { storeKey } from './stored-state.ts';

export function writeDecisions(
  projectId: string,
  decisions: Record<string, Decision>,
  store: KeyValueStore,
): Promise<void> {
  return store.update<Record<string, Decision>>(storeKey(projectId, 'decisions'), (old) => ({
    ...old,
    ...decisions,
  }));
}

export function writeVisitorId(projectId: string, visitorId: string, store: KeyValueStore) {
  return store.set(storeKey(projectId, 'visitor'), visitorId);
}

/** Forgets the visitor's decisions and id (the outbox keeps what must still be delivered). */
export async function clearVisitor(projectId: string, store: KeyValueStore): Promise<void> {
  await Promise.all([
    store.del(storeKey(projectId, 'decisions')),
    store.del(storeKey(projectId, 'visitor')),
  ]);
}
