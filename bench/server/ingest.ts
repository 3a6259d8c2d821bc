/**
 * `npm run bench:server`: event ingest under load, on loopback only. Starts the real server
 * (`server/main.ts`) on a free 127.0.0.1 port with a fresh database, sends single events and
 * 100-event batches with autocannon (a bounded number of requests, about `BENCH_SECONDS` each), prints events/s and p50/p99
 * latency, then stops the server and checks that the stored rows equal the acknowledged events
 * and that the hash chain is intact. PGlite always; PostgreSQL too when `DATABASE_URL` or
 * `TEST_DATABASE_URL` is set (in a schema of its own, dropped afterwards).
 *
 * `BENCH_SECONDS` (default 10) and `BENCH_CONNECTIONS` (default 16) size each run.
 * `BENCH_PREFILL=1000000` first stores that many events in the benched project (SQL
 * `generate_series`, see `prefill.ts`), so the figures hold for a table of that size.
 * Besides the two runs at full speed, one run sends single events at a fixed 1,000 requests/s
 * (`BENCH_RATE`) and reports its latency.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { verifyChains } from '../../server/consent-events/chain-verification.ts';
import type { Database } from '../../server/db/database.ts';
import { createPgDatabase } from '../../server/db/pg-database.ts';
import { migrate } from '../../server/db/migrations.ts';
import { createPgliteDatabase } from '../../server/db/pglite-database.ts';
import { DEMO_PROJECT_ID, fileKeyStore, seedDemo } from '../../server/projects/seed.ts';
import { PREFILL_METHOD, prefillEvents } from './prefill.ts';

// Loopback only: this tool must never load anything but the server it starts itself.
const HOST = '127.0.0.1';
const ORIGIN = `http://${HOST}`;
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS || 10), 60);
const CONNECTIONS = Math.min(Number(process.env.BENCH_CONNECTIONS || 16), 64);
const PREFILL = Math.min(Number(process.env.BENCH_PREFILL || 0), 10_000_000);
const RATE = Math.min(Number(process.env.BENCH_RATE || 1000), 20_000);
const root = fileURLToPath(new URL('../..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, HOST, () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      );
    });
  });
}

async function startServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, ...env, HOST, PORT: String(port), ASSENT_RATE_LIMITS: 'off' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://${HOST}:${port}`;
  for (let attempt = 0; attempt < 300; attempt += 1) {
    try {
      if ((await fetch(`${base}/site-v1/health`)).ok) return { child, base };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error('the server did not start within 30 s');
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function openSession(base: string) {
  const response = await fetch(`${base}/site-v1/${DEMO_PROJECT_ID}/sessions`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json' },
    body: '{}',
  });
  return (await response.json()) as { token: string; concordId: string };
}

interface RunFigures {
  name: string;
  requestsPerSecond: number;
  eventsPerSecond: number;
  p50: number;
  p99: number;
  acknowledged: number;
  failed: number;
}

async function run(
  base: string,
  name: string,
  batchSize: number,
  rate?: number,
): Promise<RunFigures> {
  const session = await openSession(base);
  // No client ids: every request is a new batch (ids would make repeats idempotent no-ops).
  const items = Array.from({ length: batchSize }, (_, index) => ({
    concordId: session.concordId,
    label: index % 2 ? 'analytics' : 'marketing',
    consentState: 'accepted',
    consentAction: 'user_click',
  }));
  const fire = (amount: number) =>
    autocannon({
      url: `${base}/site-v1/${DEMO_PROJECT_ID}/consent-events`,
      method: 'POST',
      headers: {
        origin: ORIGIN,
        authorization: `Bearer ${session.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ items }),
      connections: CONNECTIONS,
      amount,
      timeout: 30,
      ...(rate && { overallRate: rate }),
    });
  // A fixed number of requests rather than a duration: autocannon then waits for every answer,
  // so acknowledged events can be compared with stored rows exactly. The warm-up sizes the
  // measured run to about BENCH_SECONDS.
  // Two warm-ups: a short one to size a second of about 3 s, so that the measured run starts
  // with compiled code, open pool connections and warm caches (the first seconds of a fresh
  // server run at a fraction of its speed).
  const first = await fire(CONNECTIONS * 5);
  const second = await fire(
    Math.min(Math.max(Math.round((first['2xx'] / Math.max(first.duration, 0.1)) * 3), 1), 50_000),
  );
  const warmup = {
    '2xx': first['2xx'] + second['2xx'],
    non2xx: first.non2xx + second.non2xx,
    errors: first.errors + second.errors,
  };
  const reached = second['2xx'] / Math.max(second.duration, 0.1);
  const result = await fire(
    Math.min(Math.max(Math.round((rate ?? reached) * SECONDS), CONNECTIONS * 5), 200_000),
  );
  const seconds = result.duration || SECONDS;
  return {
    name,
    requestsPerSecond: result['2xx'] / seconds,
    eventsPerSecond: (result['2xx'] * batchSize) / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    acknowledged: (warmup['2xx'] + result['2xx']) * batchSize,
    failed: result.non2xx + result.errors + result.timeouts + warmup.non2xx + warmup.errors,
  };
}

async function openPrefilled(openDb: () => Promise<Database>, dataDir: string): Promise<number> {
  if (PREFILL <= 0) return 0;
  // Before the server starts: PGlite serves one process at a time.
  const db = await openDb();
  try {
    await migrate(db);
    await seedDemo(db, { keyStore: fileKeyStore(join(dataDir, 'demo-api-key')) });
    let shown = 0;
    const seconds = await prefillEvents(db, DEMO_PROJECT_ID, PREFILL, (done) => {
      if (done - shown >= PREFILL / 5 || done === PREFILL) {
        process.stdout.write(`  prefilled ${done} events\r`);
        shown = done;
      }
    });
    console.log(
      `  prefilled ${PREFILL} events in ${seconds.toFixed(1)} s\n    (${PREFILL_METHOD})`,
    );
    return await countEvents(db);
  } finally {
    await db.close();
  }
}

async function countEvents(db: Database): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from consent_events');
  return rows[0]!.n;
}

async function bench(
  backend: string,
  env: Record<string, string>,
  openDb: () => Promise<Database>,
): Promise<boolean> {
  console.log(`\n${backend}: ${CONNECTIONS} connections, ${SECONDS} s per run`);
  const prefilled = await openPrefilled(openDb, env.ASSENT_DATA_DIR!);
  const { child, base } = await startServer(env);
  const figures: RunFigures[] = [];
  try {
    figures.push(await run(base, 'single events', 1));
    figures.push(await run(base, '100-event batches', 100));
    figures.push(await run(base, `single @ ${RATE}/s`, 1, RATE));
  } finally {
    await stopServer(child);
  }
  for (const f of figures) {
    console.log(
      `  ${f.name.padEnd(19)} ${Math.round(f.eventsPerSecond).toString().padStart(7)} events/s` +
        `  ${Math.round(f.requestsPerSecond).toString().padStart(6)} requests/s` +
        `  p50 ${f.p50} ms  p99 ${f.p99} ms${f.failed ? `  (${f.failed} failed)` : ''}`,
    );
  }
  const db = await openDb();
  try {
    const stored = (await countEvents(db)) - prefilled;
    const acknowledged = figures.reduce((sum, f) => sum + f.acknowledged, 0);
    const chain = await verifyChains(db);
    const ok = stored === acknowledged && !chain.broken && chain.unchained === prefilled;
    console.log(
      `  stored rows ${stored} ${stored === acknowledged ? '==' : '!='} acknowledged events ${acknowledged}` +
        `${prefilled ? ` (besides ${prefilled} prefilled)` : ''}; ` +
        `hash chain ${chain.broken ? `BROKEN: ${chain.broken.reason}` : 'intact'}`,
    );
    return ok;
  } finally {
    await db.close();
  }
}

const dataDir = await mkdtemp(join(tmpdir(), 'assent-bench-'));
let ok = true;
try {
  ok &&= await bench('PGlite', { ASSENT_DATA_DIR: dataDir }, async () =>
    createPgliteDatabase(join(dataDir, 'pglite')),
  );
  const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (url) {
    const schema = `bench_${randomUUID().replace(/-/g, '')}`;
    const admin = createPgDatabase(url);
    await admin.exec(`create schema ${schema}`);
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    try {
      ok &&= await bench(
        'PostgreSQL',
        { ASSENT_DATA_DIR: dataDir, DATABASE_URL: scoped.toString() },
        async () => createPgDatabase(scoped.toString()),
      );
    } finally {
      await admin.exec(`drop schema ${schema} cascade`);
      await admin.close();
    }
  } else {
    console.log('\nPostgreSQL: skipped (set DATABASE_URL or TEST_DATABASE_URL)');
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
process.exitCode = ok ? 0 : 1;
