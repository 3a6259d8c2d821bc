import { mergeDecisions } from '../core/decision.ts';
import type { Decision } from '../core/types.ts';
import type { KeyValueStore } from './key-value-store.ts';
import { storeKey } from './stored-state.ts';

/**
 * Adds `decisions` to the stored ones, each only if it is later than the one it would replace:
 * two tabs writing at once leave the later decision stored, in whatever order they write.
 */
export function writeDecisions(
  projectId: string,
  decisions: Record<string, Decision>,
  store: KeyValueStore,
): Promise<void> {
  return store.update<Record<string, Decision>>(storeKey(projectId, 'decisions'), (old) =>
    mergeDecisions(old, decisions),
  );
}

/**
 * Keeps the visitor id and, beside it, the visitor secret a session for that id needs (issue
 * 22 §1): only this browser holds it, so knowing the id is not enough to speak for the visitor.
 */
export async function writeVisitor(
  projectId: string,
  visitor: { visitorId: string; visitorSecret: string },
  store: KeyValueStore,
): Promise<void> {
  await Promise.all([
    store.set(storeKey(projectId, 'visitor'), visitor.visitorId),
    store.set(storeKey(projectId, 'visitor-secret'), visitor.visitorSecret),
  ]);
}

/** The stored secret of `visitorId`, if the stored visitor is that one. */
export async function readVisitorSecret(
  projectId: string,
  visitorId: string,
  store: KeyValueStore,
): Promise<string | undefined> {
  const [stored, secret] = await Promise.all([
    store.get<string>(storeKey(projectId, 'visitor')),
    store.get<string>(storeKey(projectId, 'visitor-secret')),
  ]);
  return stored === visitorId && typeof secret === 'string' ? secret : undefined;
}

/** Forgets the visitor's decisions, id and secret (the outbox keeps what must still be delivered). */
export async function clearVisitor(projectId: string, store: KeyValueStore): Promise<void> {
  await Promise.all([
    store.del(storeKey(projectId, 'decisions')),
    store.del(storeKey(projectId, 'visitor')),
    store.del(storeKey(projectId, 'visitor-secret')),
  ]);
}
