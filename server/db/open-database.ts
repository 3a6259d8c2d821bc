import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';
import { migrate } from './migrations.ts';
import { createPgDatabase } from './pg-database.ts';
import { createPgliteDatabase } from './pglite-database.ts';
import { ensureEventPartition } from './repositories/consent-events.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The database the environment names, migrated: the server, the admin CLI and verify share it. */
export async function openDatabase(env: NodeJS.ProcessEnv = process.env): Promise<{
  db: Database;
  dataDir: string;
  /** Where the data is, for people: never the connection string (it may hold a password). */
  location: string;
}> {
  const dataDir = resolve(root, env.ASSENT_DATA_DIR || '.data');
  await mkdir(dataDir, { recursive: true });
  const db = env.DATABASE_URL
    ? createPgDatabase(env.DATABASE_URL)
    : createPgliteDatabase(join(dataDir, 'pglite'));
  await migrate(db);
  // Events go into monthly partitions: this month's and the next exist before any write.
  const now = new Date();
  await ensureEventPartition(db, now);
  await ensureEventPartition(
    db,
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 15)),
  );
  const location = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : join(dataDir, 'pglite');
  return { db, dataDir, location };
}
