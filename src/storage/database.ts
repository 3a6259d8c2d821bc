/** Assent's IndexedDB database and its one object store, as every reader opens them. */
export const DB_NAME = 'assent';
export const STORE_NAME = 'kv';

/**
 * A hung `indexedDB.open` (seen in Firefox private windows and when another tab blocks an
 * upgrade) never settles; every call is bounded by this, so the widget still answers.
 */
export const STORAGE_TIMEOUT_MS = 1500;
