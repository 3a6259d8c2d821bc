import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrations.ts';
import { createPgliteDatabase } from '../db/pglite-database.ts';
import { DEMO_ORGANIZATION_ID, DEMO_PROJECT_ID, seedDemo } from './seed.ts';
import { sha256 } from '../crypto/sha256.ts';
import { memoryKeyStore } from '../testing/test-context.ts';

const TABLES = ['organizations', 'projects', 'consent_types', 'api_keys'];

async function snapshot(db: Database) {
  const tables: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    tables[table] = (await db.query(`select * from ${table} order by id`)).rows;
  }
  return tables;
}

async function demoKeyHashes(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ key_hash: string }>(
    'select key_hash from api_keys where organization_id = $1',
    [DEMO_ORGANIZATION_ID],
  );
  return rows.map((row) => row.key_hash);
}

describe('seedDemo', () => {
  let db: Database;
  beforeAll(async () => {
    db = createPgliteDatabase();
    await migrate(db);
  }, 60_000);
  afterAll(() => db.close());

  it('creates the demo organization, project and its five consent types', async () => {
    await seedDemo(db, { adminKey: 'first-key', keyStore: memoryKeyStore() });
    const { rows } = await db.query<{ label: string }>(
      'select label from consent_types where project_id = $1 order by id',
      [DEMO_PROJECT_ID],
    );
    expect(rows.map((row) => row.label)).toEqual([
      'necessary',
      'analytics',
      'marketing',
      'privacy_policy',
      'newsletter',
    ]);
  });

  it('changes nothing when run a second time with the same key', async () => {
    const before = await snapshot(db);
    await seedDemo(db, { adminKey: 'first-key', keyStore: memoryKeyStore() });
    expect(await snapshot(db)).toEqual(before);
  });

  it('replaces the demo key hash with the admin key on each start and stores no plain key', async () => {
    await seedDemo(db, { adminKey: 'second-key', keyStore: memoryKeyStore() });
    expect(await demoKeyHashes(db)).toEqual([sha256('second-key')]);
    const { rows } = await db.query("select 1 from api_keys where key_hash like '%second-key%'");
    expect(rows).toEqual([]);
  });

  it('generates a key once without an admin key, keeps it in the key store and reuses it', async () => {
    const store = memoryKeyStore();
    const { apiKey } = await seedDemo(db, { keyStore: store });
    expect(apiKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.key).toBe(apiKey);
    const again = await seedDemo(db, { keyStore: store });
    expect(again.apiKey).toBe(apiKey);
    expect(await demoKeyHashes(db)).toEqual([sha256(apiKey)]);
  });
});
