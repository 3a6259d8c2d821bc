import { createStore, del, get, set, update, type UseStore } from 'idb-keyval';
import { DB_NAME, STORAGE_TIMEOUT_MS, STORE_NAME } from './database.ts';

/** The little of a key-value store Assent needs; IndexedDB in browsers, memory in tests. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  /** Reads and writes one key in one transaction, so concurrent updates do not lose each other. */
  update<T>(key: string, updater: (old: T | undefined) => T): Promise<void>;
  del(key: string): Promise<void>;
}

function bounded<T>(promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('storage timed out')), STORAGE_TIMEOUT_MS);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });
}

/** IndexedDB through idb-keyval, in a database of Assent's own. */
export function createIndexedDbStore(dbName = DB_NAME): KeyValueStore {
  let idb: UseStore | undefined;
  // createStore opens the database at once and may throw (no indexedDB, blocked storage):
  // defer it to the first call so such a failure becomes a rejected promise.
  const open = (): UseStore => (idb ??= createStore(dbName, STORE_NAME));
  const run = <T>(action: (store: UseStore) => Promise<T>): Promise<T> => {
    try {
      return bounded(action(open()));
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return {
    get: (key) => run((store) => get(key, store)),
    set: (key, value) => run((store) => set(key, value, store)),
    update: (key, updater) => run((store) => update(key, updater, store)),
    del: (key) => run((store) => del(key, store)),
  };
}

/** A store that forgets everything with the page. */
export function createMemoryStore(): KeyValueStore {
  const data = new Map<string, unknown>();
  const copy = <T>(value: T): T => (value === undefined ? value : structuredClone(value));
  return {
    get: async (key) => copy(data.get(key)) as never,
    set: async (key, value) => void data.set(key, copy(value)),
    update: async (key, updater) => void data.set(key, copy(updater(copy(data.get(key)) as never))),
    del: async (key) => void data.delete(key),
  };
}

/**
 * IndexedDB that gives way to memory for the rest of the page at its first failure (private
 * modes, quota, a blocked or hung open): the widget stays usable and still delivers the page's
 * events, it just cannot remember them for the next page.
 */
export function withMemoryFallback(
  primary: KeyValueStore,
  onFallback: (error: unknown) => void = () => {},
  fallback: KeyValueStore = createMemoryStore(),
): KeyValueStore {
  let current = primary;
  const run = async <T>(action: (store: KeyValueStore) => Promise<T>): Promise<T> => {
    if (current === fallback) return action(fallback);
    try {
      return await action(primary);
    } catch (error) {
      if (current !== fallback) {
        current = fallback;
        onFallback(error);
      }
      return action(fallback);
    }
  };
  return {
    get: (key) => run((store) => store.get(key)),
    set: (key, value) => run((store) => store.set(key, value)),
    update: (key, updater) => run((store) => store.update(key, updater)),
    del: (key) => run((store) => store.del(key)),
  };
}
