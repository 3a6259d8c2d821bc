/**
 * A synchronous hint, in localStorage, that this browser has decided for a project. Decisions
 * live in IndexedDB, whose first open can take hundreds of milliseconds; without this hint a
 * first visit would wait for that open before fetching the notice. Only a hint: it decides what
 * to download early, never what may run.
 */
const key = (projectId: string) => `assent:${projectId}:decided`;

/** `false` when the hint is readable and absent (surely a first visit), else `true` or `undefined`. */
export function readDecidedHint(projectId: string): boolean | undefined {
  try {
    return localStorage.getItem(key(projectId)) !== null;
  } catch {
    // Storage blocked: unknown, the caller waits for IndexedDB.
    return undefined;
  }
}

export function writeDecidedHint(projectId: string, decided: boolean): void {
  try {
    if (decided) localStorage.setItem(key(projectId), '1');
    else localStorage.removeItem(key(projectId));
  } catch {
    // Storage blocked or full: the next visit waits for IndexedDB, nothing worse.
  }
}
