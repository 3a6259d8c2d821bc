import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { migrate, readMigrations } from './migrations.ts';
import { createPgliteDatabase } from './pglite-database.ts';

describe('migrate', () => {
  let db: Database;
  beforeAll(() => {
    db = createPgliteDatabase();
  });
  afterAll(() => db.close());

  it('applies every migration file once and records it', async () => {
    const names = (await readMigrations()).map((migration) => migration.name);
    expect(names).toContain('001_init.sql');
    expect(await migrate(db)).toEqual(names);
    const { rows } = await db.query<{ name: string }>(
      'select name from schema_migrations order by name',
    );
    expect(rows.map((row) => row.name)).toEqual(names);
  }, 60_000);

  it('does nothing when run a second time', async () => {
    const before = await db.query('select name, applied_at from schema_migrations order by name');
    expect(await migrate(db)).toEqual([]);
    const after = await db.query('select name, applied_at from schema_migrations order by name');
    expect(after.rows).toEqual(before.rows);
  });

  it('rolls back a failing migration and leaves no record of it', async () => {
    const broken = { name: '999_broken.sql', sql: 'create table half_made (id int); select nope;' };
    await expect(migrate(db, [broken])).rejects.toThrow();
    const table = await db.query("select 1 from pg_tables where tablename = 'half_made'");
    expect(table.rows).toEqual([]);
    const record = await db.query("select 1 from schema_migrations where name = '999_broken.sql'");
    expect(record.rows).toEqual([]);
  });
});
