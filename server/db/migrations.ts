import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

/** A migration: its file name (applied in name order) and its SQL. */
export interface Migration {
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** The `*.sql` files of `server/db/migrations/`, sorted by name. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  return Promise.all(
    names.map(async (name) => ({ name, sql: await readFile(`${dir}/${name}`, 'utf8') })),
  );
}

/**
 * Applies each migration not yet in `schema_migrations`, each in its own transaction together
 * with its bookkeeping row, so a failed migration leaves no half-made schema. Returns the names
 * applied now.
 */
export async function migrate(db: Database, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await readMigrations());
  await db.exec(
    `create table if not exists schema_migrations (
       name text primary key,
       applied_at timestamptz not null default now()
     )`,
  );
  const applied: string[] = [];
  for (const migration of all) {
    const done = await db.transaction(async (tx) => {
      const { rows } = await tx.query('select 1 from schema_migrations where name = $1', [
        migration.name,
      ]);
      if (rows.length > 0) return true;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (name) values ($1)', [migration.name]);
      return false;
    });
    if (!done) applied.push(migration.name);
  }
  return applied;
}
