import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const budgets = (
  JSON.parse(read('package.json')) as { 'size-limit': { name: string; limit: string }[] }
)['size-limit'];

/** The rows of the README's budget table: `| name | limit |`, padded as Prettier pads them. */
function readmeBudgets(): { name: string; limit: string }[] {
  const section = read('README.md')
    .split(/^## /m)
    .find((part) => part.startsWith('Size and speed'));
  return [...(section ?? '').matchAll(/^\|\s*(.+?)\s*\|\s*(\d[\d.]* kB)\s*\|$/gm)].map(
    ([, name, limit]) => ({
      name: name!,
      limit: limit!,
    }),
  );
}

describe('the README', () => {
  it('states every size budget of package.json, and no other', () => {
    expect(budgets.length).toBeGreaterThan(0);
    expect(readmeBudgets()).toEqual(budgets.map(({ name, limit }) => ({ name, limit })));
  });
});
