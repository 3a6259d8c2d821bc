/**
 * How long a cached copy of the config (the mirror's, or IndexedDB's) may decide alone. Older,
 * the loader waits for the fresh one, so that a type's raised re-acceptance version or a new
 * status stops its tags within this time. Read by both halves of the loader (a module of its
 * own: a constant, inlined in each, never one of the kernel's shared functions).
 */
export const CONFIG_FRESH_MS = 10 * 60 * 1000;
