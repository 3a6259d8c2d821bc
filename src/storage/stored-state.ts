import type { ConsentEventInput, Decision, SiteConfig } from '../core/types.ts';
import type { KeyValueStore } from './key-value-store.ts';

/** Everything the widget keeps for one project in one browser, as the loader reads it at boot. */
export interface StoredState {
  decisions: Record<string, Decision>;
  visitorId: string | undefined;
  config: SiteConfig | undefined;
  /** When that config was fetched (ms since the epoch). */
  configFetchedAt: number | undefined;
  outbox: ConsentEventInput[];
  /**
   * The outbox could not be read: it may hold events a previous page wrote. The manager's
   * delivery reads it again (and reports it when it still cannot).
   */
  outboxUnreadable: boolean;
}

/** The key of one of a project's records in the store. */
export const storeKey = (projectId: string, name: string) => `${projectId}:${name}`;

/**
 * Reads what the browser holds for a project. Storage that cannot be read counts as empty:
 * no decision, so nothing gated runs and the visitor is asked.
 */
export async function readStoredState(
  projectId: string,
  store: KeyValueStore,
): Promise<StoredState> {
  let outboxUnreadable = false;
  const read = <T>(name: string) =>
    store.get<T>(storeKey(projectId, name)).catch(() => {
      if (name === 'outbox') outboxUnreadable = true;
      return undefined;
    });
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
    outboxUnreadable,
  };
}
