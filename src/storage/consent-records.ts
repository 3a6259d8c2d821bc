import type { ConsentEventInput, Decision, SiteConfig } from '../core/types.ts';
import type { KeyValueStore } from './key-value-store.ts';

/** Everything the widget keeps for one project in one browser. */
export interface StoredState {
  decisions: Record<string, Decision>;
  visitorId: string | undefined;
  config: SiteConfig | undefined;
  /** When that config was fetched (ms since the epoch). */
  configFetchedAt: number | undefined;
  outbox: ConsentEventInput[];
}

const key = (projectId: string, name: string) => `${projectId}:${name}`;

/**
 * Reads what the browser holds for a project. Storage that cannot be read counts as empty:
 * no decision, so nothing gated runs and the visitor is asked.
 */
export async function readStoredState(
  projectId: string,
  store: KeyValueStore,
): Promise<StoredState> {
  const read = <T>(name: string) => store.get<T>(key(projectId, name)).catch(() => undefined);
  const [decisions, visitorId, config, outbox] = await Promise.all([
    read<Record<string, Decision>>('decisions'),
    read<string>('visitor'),
    read<{ config: SiteConfig; fetchedAt: number }>('config'),
    read<ConsentEventInput[]>('outbox'),
  ]);
  return {
    decisions: decisions ?? {},
    visitorId,
    config: config?.config,
    configFetchedAt: config?.fetchedAt,
    outbox: Array.isArray(outbox) ? outbox : [],
  };
}

export function writeDecisions(
  projectId: string,
  decisions: Record<string, Decision>,
  store: KeyValueStore,
): Promise<void> {
  return store.update<Record<string, Decision>>(key(projectId, 'decisions'), (old) => ({
    ...old,
    ...decisions,
  }));
}

export function writeVisitorId(projectId: string, visitorId: string, store: KeyValueStore) {
  return store.set(key(projectId, 'visitor'), visitorId);
}

export function writeConfig(
  projectId: string,
  config: SiteConfig,
  fetchedAt: number,
  store: KeyValueStore,
) {
  return store.set(key(projectId, 'config'), { config, fetchedAt });
}

/** Appends events to the outbox; an event already there (same id) is not added twice. */
export function addToOutbox(projectId: string, events: ConsentEventInput[], store: KeyValueStore) {
  return store.update<ConsentEventInput[]>(key(projectId, 'outbox'), (old = []) => {
    const ids = new Set(old.map((event) => event.id));
    return [...old, ...events.filter((event) => !ids.has(event.id))];
  });
}

/** Removes the events the server acknowledged. */
export function removeFromOutbox(projectId: string, ids: Set<string>, store: KeyValueStore) {
  return store.update<ConsentEventInput[]>(key(projectId, 'outbox'), (old = []) =>
    old.filter((event) => !ids.has(event.id ?? '')),
  );
}

/** Forgets the visitor's decisions and id (the outbox keeps what must still be delivered). */
export async function clearVisitor(projectId: string, store: KeyValueStore): Promise<void> {
  await Promise.all([store.del(key(projectId, 'decisions')), store.del(key(projectId, 'visitor'))]);
}
