import type { SiteConfig } from '../core/types.ts';
import type { KeyValueStore } from './key-value-store.ts';
import { storeKey } from './stored-state.ts';

/** Keeps the last config, for a visit whose config request fails (offline, the API down). */
export function writeConfig(
  projectId: string,
  config: SiteConfig,
  fetchedAt: number,
  store: KeyValueStore,
) {
  return store.set(storeKey(projectId, 'config'), { config, fetchedAt });
}
