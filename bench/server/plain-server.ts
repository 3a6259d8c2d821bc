/**
 * The bench's reference (issue 19): a plain Hono server on the same database that does one
 * `INSERT` per request (one row, or a 100-row batch in one statement) and nothing else: no
 * session, no checks, no hash chain, no id row, no webhooks. `npm run bench:server` measures it in
 * the same run as Assent, so the ratio holds on a noisy machine. `DATABASE_URL` names PostgreSQL,
 * else PGlite in `PLAIN_DATA_DIR`. Loopback only; started by `ingest.ts`, never by a person.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Database } from '../../server/db/database.ts';
import { createPgDatabase } from '../../server/db/pg-database.ts';
import { createPgliteDatabase } from '../../server/db/pglite-database.ts';
import { PLAIN_TABLE } from './plain-table.ts';

const INSERT = `insert into plain_events (project_id, concord_id, label, consent_state, consent_action)
  select $1::uuid, x."concordId", x.label, x."consentState", x."consentAction"
    from jsonb_to_recordset($2::text::jsonb)
      as x("concordId" uuid, label text, "consentState" text, "consentAction" text)`;

interface PlainItem {
  concordId?: string;
  label: string;
  consentState: string;
  consentAction: string;
}

async function main() {
  const env = process.env;
  const db: Database = env.DATABASE_URL
    ? createPgDatabase(env.DATABASE_URL)
    : createPgliteDatabase(env.PLAIN_DATA_DIR);
  await db.exec(PLAIN_TABLE);
  const app = new Hono()
    .get('/health', (c) => c.text('ok'))
    .post('/site-v1/:projectId/consent-events', async (c) => {
      const { items } = await c.req.json<{ items: PlainItem[] }>();
      await db.query(INSERT, [c.req.param('projectId'), JSON.stringify(items)]);
      return c.json({ count: items.length }, 201);
    });
  const server = serve({
    fetch: app.fetch,
    port: Number(env.PORT),
    hostname: env.HOST || '127.0.0.1',
  });
  process.on('SIGTERM', () => server.close(() => void db.close().then(() => process.exit(0))));
}

await main();
