/**
 * The import graph of `src/` and `server/` has no cycle, type-only imports included (issue 13:
 * `import-x/no-cycle` in eslint skips `import type`, and the one cycle we had, `app-env.ts` ↔
 * `rate-limit.ts`, was type-only). Reads the import lines of every module; no build needed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g;

function modules(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : modules(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Each module's relative imports, resolved to files. */
export function importGraph(folders: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of folders.flatMap((folder) => modules(join(ROOT, folder)))) {
    const source = readFileSync(file, 'utf8');
    const targets = [...source.matchAll(IMPORT)].map((match) => resolve(dirname(file), match[1]!));
    graph.set(file, targets);
  }
  return graph;
}

/** The first cycle found, as a list of paths relative to the project, or `undefined`. */
export function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === 'done') return undefined;
    if (state.get(file) === 'open') return [...stack.slice(stack.indexOf(file)), file];
    state.set(file, 'open');
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      const cycle = visit(target);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(file, 'done');
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle.map((path) => relative(ROOT, path));
  }
  return undefined;
}

describe('the import graph', () => {
  it('has no cycle in src/ and server/, type-only imports included', () => {
    expect(findCycle(importGraph(['src', 'server']))).toBeUndefined();
  });

  it('finds a cycle when two modules import each other', () => {
    const a = join(ROOT, 'a.ts');
    const b = join(ROOT, 'b.ts');
    const graph = new Map([
      [a, [b]],
      [b, [a]],
    ]);
    expect(findCycle(graph)).toEqual(['a.ts', 'b.ts', 'a.ts']);
  });
});
