/**
 * Consent events a decision made that are not in the stored outbox yet, in localStorage, written
 * synchronously as the decision is made (src/manager/outbox.ts, `hold`). Their proof hashes the
 * notice shown and the outbox is IndexedDB, both asynchronous: a page left in between (a link
 * followed right after "Accept all") would have applied the decision, in the mirror too, and
 * lost its record. Here it waits for the next page's manager, which moves it to the outbox.
 * A key of its own beside the mirror, so that a full quota never costs the mirror's decisions.
 */
import type { ConsentEventInput } from '../core/types.ts';

const key = (projectId: string) => `assent:${projectId}:pending`;

/** The events held for `projectId`; none when storage is blocked or the list unreadable. */
export function readPending(projectId: string): ConsentEventInput[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key(projectId)) ?? '[]');
    return Array.isArray(value) ? (value as ConsentEventInput[]) : [];
  } catch {
    return [];
  }
}

/** Adds events (one already held, by id, is replaced). Storage that refuses keeps none. */
export function addPending(projectId: string, events: ConsentEventInput[]): void {
  const ids = new Set(events.map((event) => event.id));
  try {
    const kept = readPending(projectId).filter((event) => !ids.has(event.id));
    localStorage.setItem(key(projectId), JSON.stringify([...kept, ...events]));
  } catch {
    // Blocked or full: the events still go through memory and IndexedDB as before.
  }
}

/** Removes the events now in the stored outbox, or delivered. */
export function removePending(projectId: string, ids: ReadonlySet<string>): void {
  const held = readPending(projectId);
  if (!held.some((event) => ids.has(event.id ?? ''))) return;
  const left = held.filter((event) => !ids.has(event.id ?? ''));
  try {
    if (left.length) localStorage.setItem(key(projectId), JSON.stringify(left));
    else localStorage.removeItem(key(projectId));
  } catch {
    // As above.
  }
}
