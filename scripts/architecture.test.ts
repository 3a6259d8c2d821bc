/**
 * ARCHITECTURE.md stays true (issue 13 §6): every folder it names in backticks exists, and every
 * top-level folder of `src/` and `server/` is named there, so a new part cannot go unmapped.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const map = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');

/** The folders the map names: backticked paths ending in `/`, read from the project root. */
export function namedFolders(markdown: string): string[] {
  const named = [...markdown.matchAll(/`([a-z][\w./-]*\/)`/g)].map((match) => match[1]!);
  // `../shared/` is the contract beside the project; `dist/` is made by the build.
  return [...new Set(named)].filter((path) => !path.startsWith('../') && !path.startsWith('dist/'));
}

const subfolders = (folder: string) =>
  readdirSync(join(ROOT, folder)).filter((name) =>
    statSync(join(ROOT, folder, name)).isDirectory(),
  );

describe('ARCHITECTURE.md', () => {
  it('names only folders that exist', () => {
    const named = namedFolders(map);
    expect(named.length).toBeGreaterThan(20);
    const missing = named.filter((path) => {
      // A folder named inside its parent's row (`notice/` under `src/ui/`) is read from there.
      const candidates = [path, `src/ui/${path}`, `server/${path}`, `server/routes/${path}`];
      return !candidates.some((candidate) => existsSync(join(ROOT, candidate)));
    });
    expect(missing).toEqual([]);
  });

  it('maps every top-level folder of src/ and server/', () => {
    const named = new Set(namedFolders(map));
    const unmapped = [
      ...subfolders('src').map((name) => `src/${name}/`),
      ...subfolders('server').map((name) => `server/${name}/`),
    ].filter((path) => !named.has(path));
    expect(unmapped).toEqual([]);
  });

  it('reads a backticked folder path and ignores files and the contract', () => {
    expect(
      namedFolders('`src/core/` and `app.ts` and `../shared/` and `db/migrations/*.sql`'),
    ).toEqual(['src/core/']);
  });
});
