/**
 * A synchronous copy, in localStorage, of what the loader needs before IndexedDB answers: the
 * visitor's decisions and the last config. IndexedDB stays the record (decisions, visitor id,
 * outbox, config), but its first open on a page takes 50-600 ms, and a returning visitor's
 * gated tags (and, on a first visit, the notice's downloads) should not wait for it.
 *
 * The copy is never more permissive than the record: it is written synchronously with every
 * decision, before IndexedDB is, and a copy that cannot be written is removed, so that a
 * withdrawal can never leave an older acceptance behind. Being written first, it decides the
 * page's first paint: once IndexedDB answers, the loader's second half merges the two, each
 * label's later decision winning (src/loader/rest.ts), so that a page left before IndexedDB's
 * write keeps the decision.
 */
import { labelRecord } from '../core/decision.ts';
import type { Decision, SiteConfig } from '../core/types.ts';

export interface Mirror {
  decisions: Record<string, Decision>;
  config?: SiteConfig;
  /** When that config was fetched (ms since the epoch). */
  configFetchedAt?: number;
}

const key = (projectId: string) => `assent:${projectId}`;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The copy; `null` when storage is readable and holds none (surely a first visit in this
 * browser); `undefined` when storage is blocked or the copy is unreadable (ask IndexedDB).
 */
export function readMirror(projectId: string): Mirror | null | undefined {
  try {
    const text = localStorage.getItem(key(projectId));
    if (text === null) return null;
    const value: unknown = JSON.parse(text);
    if (!isObject(value) || !isObject(value.decisions)) return undefined;
    return {
      ...(value as unknown as Mirror),
      decisions: labelRecord(Object.entries(value.decisions as Record<string, Decision>)),
    };
  } catch {
    return undefined;
  }
}

/** Replaces parts of the copy; the copy is removed when it cannot be written whole. */
export function writeMirror(projectId: string, change: Partial<Mirror>): void {
  try {
    const mirror = { decisions: {}, ...readMirror(projectId), ...change };
    localStorage.setItem(key(projectId), JSON.stringify(mirror));
  } catch {
    clearMirror(projectId);
  }
}

/**
 * Sets the copy's decisions to the record's, unless they changed since `seen` was read: another
 * tab that decided meanwhile wrote a newer copy, which an older read must not overwrite.
 */
export function healMirror(
  projectId: string,
  seen: Mirror | null | undefined,
  decisions: Record<string, Decision>,
): void {
  const now = readMirror(projectId);
  if (JSON.stringify(now?.decisions) === JSON.stringify(seen?.decisions))
    writeMirror(projectId, { decisions });
}

export function clearMirror(projectId: string): void {
  try {
    localStorage.removeItem(key(projectId));
  } catch {
    // Blocked storage holds no copy to remove.
  }
}
