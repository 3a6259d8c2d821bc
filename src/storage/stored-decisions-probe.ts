/**
 * Whether IndexedDB holds decisions for a project, read with the browser's own `indexedDB` and
 * nothing else (issue 18): a first visit's notice module asks before it shows the notice, so
 * that a page whose localStorage was cleared (the mirror gone, the record kept) does not flash
 * the notice, without carrying the storage layer (idb-keyval, the memory fallback), which is the
 * loader's second half's and arrives after the notice.
 */
import { DB_NAME, STORAGE_TIMEOUT_MS, STORE_NAME } from './database.ts';
import { storeKey } from './stored-state.ts';

/**
 * `true` when the project's decisions record holds any decision. Storage that cannot be read,
 * or does not answer in time, counts as none, as the second half's read does: the visitor is
 * asked, and nothing gated runs.
 */
export function hasStoredDecisions(projectId: string): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, STORAGE_TIMEOUT_MS, false);
    const done = (found: boolean) => (clearTimeout(timer), resolve(found));
    try {
      const open = indexedDB.open(DB_NAME);
      // A first open creates the database: with its store, as idb-keyval's `createStore` does,
      // so that the storage layer's own open later finds it.
      open.onupgradeneeded = () => open.result.createObjectStore(STORE_NAME);
      open.onerror = () => done(false);
      open.onsuccess = () => {
        const db = open.result;
        const close = (found: boolean) => (db.close(), done(found));
        try {
          const read = db
            .transaction(STORE_NAME)
            .objectStore(STORE_NAME)
            .get(storeKey(projectId, 'decisions'));
          read.onsuccess = () => {
            const record: unknown = read.result;
            close(typeof record === 'object' && !!record && Object.keys(record).length > 0);
          };
          read.onerror = () => close(false);
        } catch {
          close(false);
        }
      };
    } catch {
      done(false);
    }
  });
}
