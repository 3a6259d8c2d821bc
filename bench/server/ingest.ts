/**
 * `npm run bench:server`: event ingest under load, on loopback only (issue 19). Starts the real
 * server (`server/main.ts`) and, beside it on the same database, the plain reference
 * (`plain-server.ts`: one `INSERT` per request, nothing else), and measures both in the same run,
 * interleaved, `BENCH_RUNS` times (default 3): the figures are medians with min–max, and the
 * ratio to the reference is what holds on a noisy machine. The targets' rows:
 *
 * - PostgreSQL, 100-event batches and single events at full speed, on a fresh database;
 * - PostgreSQL, single events at a fixed `BENCH_RATE` (1,000) requests/s with `BENCH_PREFILL`
 *   (1,000,000) events already stored (SQL `generate_series`, see `prefill.ts`);
 * - PGlite, 100-event batches (and single events).
 *
 * After each database: stored rows equal acknowledged events (Assent's and the reference's), and
 * `npm run verify` (the real command, on that database) passes. Any failure exits 1.
 *
 * PostgreSQL is `DATABASE_URL` or `TEST_DATABASE_URL` (a schema of its own per phase, dropped
 * afterwards), else a throwaway cluster of Debian's PostgreSQL (`postgres-cluster.ts`, fsync on);
 * `BENCH_POSTGRES=off` skips it. `BENCH_SECONDS` (10) and `BENCH_CONNECTIONS` (16) size a run;
 * `BENCH_ONLY=postgres|pglite` runs one database; `ASSENT_WORKERS` is passed to the server.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../server/db/database.ts';
import { createPgDatabase } from '../../server/db/pg-database.ts';
import { migrate } from '../../server/db/migrations.ts';
import { createPgliteDatabase } from '../../server/db/pglite-database.ts';
import { DEMO_PROJECT_ID, fileKeyStore, seedDemo } from '../../server/projects/seed.ts';
import { summarize, type Summary } from '../stats.ts';
import { closed, paced } from './paced.ts';
import { PLAIN_TABLE } from './plain-table.ts';
import { startCluster } from './postgres-cluster.ts';
import { PREFILL_METHOD, prefillEvents } from './prefill.ts';

// Loopback only: this tool must never load anything but the servers it starts itself.
const HOST = '127.0.0.1';
const ORIGIN = `http://${HOST}`;
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS || 10), 60);
const CONNECTIONS = Math.min(Number(process.env.BENCH_CONNECTIONS || 16), 64);
/** Connections of the extra single-event row (`BENCH_WIDE`, 64). */
const WIDE = Math.min(Number(process.env.BENCH_WIDE || 64), 256);
const PREFILL = Math.min(Number(process.env.BENCH_PREFILL ?? 1_000_000), 10_000_000);
const RATE = Math.min(Number(process.env.BENCH_RATE || 1000), 20_000);
const RUNS = Math.max(1, Math.min(Number(process.env.BENCH_RUNS || 3), 9));
const ONLY = process.env.BENCH_ONLY;
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

interface Server {
  name: 'Assent' | 'plain';
  child: ChildProcess;
  base: string;
  /** What a request needs besides its body: the session's token on Assent. */
  headers: Record<string, string>;
  concordId: string;
}

async function startServer(name: Server['name'], env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const script = name === 'Assent' ? 'server/main.ts' : 'bench/server/plain-server.ts';
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, ...env, HOST, PORT: String(port), ASSENT_RATE_LIMITS: 'off' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://${HOST}:${port}`;
  const health = name === 'Assent' ? '/site-v1/health' : '/health';
  for (let attempt = 0; attempt < 600; attempt += 1) {
    try {
      if ((await fetch(`${base}${health}`)).ok) {
        if (name === 'plain') {
          return { name, child, base, headers: {}, concordId: randomUUID() };
        }
        const response = await fetch(`${base}/site-v1/${DEMO_PROJECT_ID}/sessions`, {
          method: 'POST',
          headers: { origin: ORIGIN, 'content-type': 'application/json' },
          body: '{}',
        });
        const session = (await response.json()) as { token: string; concordId: string };
        return {
          name,
          child,
          base,
          headers: { origin: ORIGIN, authorization: `Bearer ${session.token}` },
          concordId: session.concordId,
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`the ${name} server did not start within 60 s`);
}

function stopServer({ child }: Server): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

interface Sample {
  requestsPerSecond: number;
  eventsPerSecond: number;
  p50: number;
  p99: number;
}

/** Acknowledged events and failed requests per server, over every run. */
const tally = new Map<Server, { acknowledged: number; failed: number }>();

async function measure(
  server: Server,
  batchSize: number,
  warmSeconds: number,
  rate?: number,
  connections = CONNECTIONS,
): Promise<Sample> {
  // No client ids: every request is a new batch (ids would make repeats idempotent no-ops).
  const items = Array.from({ length: batchSize }, (_, index) => ({
    concordId: server.concordId,
    label: index % 2 ? 'analytics' : 'marketing',
    consentState: 'accepted',
    consentAction: 'user_click',
  }));
  const count = tally.get(server) ?? { acknowledged: 0, failed: 0 };
  tally.set(server, count);
  const url = `${server.base}/site-v1/${DEMO_PROJECT_ID}/consent-events`;
  const headers = { ...server.headers, 'content-type': 'application/json' };
  const body = JSON.stringify({ items });
  // A fixed rate: paced, open loop (`paced.ts` says why not autocannon's `overallRate`); else
  // full speed, closed loop (`paced.ts` says why not autocannon's `amount`).
  const fire = async (amount: number) => {
    const request = { url, method: 'POST', headers, body, connections, amount, timeoutMs: 30_000 };
    const result = await (rate ? paced({ ...request, rate }) : closed(request));
    count.acknowledged += result.ok * batchSize;
    count.failed += result.failed;
    return result;
  };
  let result;
  if (rate) {
    await fire(Math.round(rate * warmSeconds));
    result = await fire(Math.round(rate * SECONDS));
  } else {
    // A fixed number of requests rather than a duration: every answer is waited for, so
    // acknowledged events can be compared with stored rows exactly. A short first fire sizes a
    // warm-up of about `warmSeconds` (compiled code, open pool connections, warm caches), which
    // sizes the measured run to about BENCH_SECONDS.
    const first = await fire(connections * 5);
    const firstRate = first.ok / Math.max(first.seconds, 0.001);
    const second = await fire(
      Math.min(Math.max(Math.round(firstRate * warmSeconds), connections), 100_000),
    );
    const reached = second.ok / Math.max(second.seconds, 0.001);
    result = await fire(
      Math.min(Math.max(Math.round(reached * SECONDS), connections * 5), 1_000_000),
    );
  }
  return {
    requestsPerSecond: result.ok / result.seconds,
    eventsPerSecond: (result.ok * batchSize) / result.seconds,
    p50: Math.round(result.p50 * 10) / 10,
    p99: Math.round(result.p99 * 10) / 10,
  };
}

interface Row {
  label: string;
  /** Which figure the row is about. */
  unit: 'events/s' | 'requests/s' | 'p99 ms';
  assent: Sample[];
  plain: Sample[];
  target: string;
  met: (assent: Summary, plain: Summary, samples: Sample[]) => boolean;
}

const rows: Row[] = [];

interface Measure {
  row: Row;
  batchSize: number;
  /** A fixed rate in requests/s, paced; else as fast as the connections go. */
  rate?: number;
  connections?: number;
}

function figure(row: Row, sample: Sample): number {
  if (row.unit === 'events/s') return sample.eventsPerSecond;
  if (row.unit === 'requests/s') return sample.requestsPerSecond;
  return sample.p99;
}

const format = (value: number) =>
  value >= 100 ? Math.round(value).toLocaleString('en-US') : String(Math.round(value * 10) / 10);
const cell = (s: Summary) => `${format(s.median)} (${format(s.min)}–${format(s.max)})`;

/** Runs each measure `RUNS` times, Assent and the reference one after the other each time. */
async function interleave(servers: [Server, Server], measures: Measure[]) {
  for (let run = 0; run < RUNS; run += 1) {
    for (const { row, batchSize, rate, connections } of measures) {
      for (const server of servers) {
        const sample = await measure(server, batchSize, run === 0 ? 3 : 1, rate, connections);
        (server.name === 'Assent' ? row.assent : row.plain).push(sample);
        console.log(
          `  ${row.label.padEnd(44)} ${server.name.padEnd(6)} run ${run + 1}:` +
            ` ${format(sample.eventsPerSecond).padStart(7)} events/s` +
            ` ${format(sample.requestsPerSecond).padStart(6)} requests/s` +
            `  p50 ${sample.p50} ms  p99 ${sample.p99} ms`,
        );
      }
    }
  }
}

async function countRows(db: Database, table: string): Promise<number> {
  const { rows: found } = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return found[0]!.n;
}

/**
 * Stored rows equal acknowledged events, nothing failed, and `npm run verify` passes on the
 * database (run as a person would, with the server's environment).
 */
async function check(
  label: string,
  openDb: () => Promise<Database>,
  env: Record<string, string>,
  assent: Server,
  plain: Server,
  prefilled: number,
): Promise<boolean> {
  const db = await openDb();
  let ok = true;
  try {
    for (const [server, table, before] of [
      [assent, 'consent_events', prefilled],
      [plain, 'plain_events', prefilled],
    ] as const) {
      const stored = (await countRows(db, table)) - before;
      const { acknowledged, failed } = tally.get(server) ?? { acknowledged: 0, failed: 0 };
      const same = stored === acknowledged && failed === 0;
      ok &&= same;
      console.log(
        `  ${label} ${server.name}: stored rows ${stored} ${stored === acknowledged ? '==' : '!='}` +
          ` acknowledged events ${acknowledged}${before ? ` (besides ${before} prefilled)` : ''}` +
          `${failed ? `, ${failed} requests FAILED` : ''}`,
      );
    }
  } finally {
    await db.close();
  }
  const verify = spawnSync(process.execPath, ['--import', 'tsx', 'server/verify.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  const said = `${verify.stdout}${verify.stderr}`.trim().split('\n').at(-1);
  console.log(`  ${label} npm run verify: ${verify.status === 0 ? 'passed' : 'FAILED'} (${said})`);
  return ok && verify.status === 0;
}

async function prefillPlain(db: Database, count: number) {
  await db.exec(PLAIN_TABLE);
  await db.query(
    `insert into plain_events (project_id, concord_id, label, consent_state, consent_action, created_at)
     select $1::uuid, md5('visitor' || (i / 4))::uuid, case when i % 2 = 0 then 'analytics' else 'marketing' end,
            'accepted', 'user_click', now() - (i::float8 / $2::int) * interval '365 days'
       from generate_series(1, $2::int) as i`,
    [DEMO_PROJECT_ID, count],
  );
}

/** Migrates and seeds a database and stores `PREFILL` events in Assent's and the reference's tables. */
async function prefill(db: Database, dataDir: string): Promise<number> {
  await migrate(db);
  await seedDemo(db, { keyStore: fileKeyStore(join(dataDir, 'demo-api-key')) });
  const seconds = await prefillEvents(db, DEMO_PROJECT_ID, PREFILL);
  await prefillPlain(db, PREFILL);
  console.log(`  prefilled ${PREFILL} events in ${seconds.toFixed(1)} s\n    (${PREFILL_METHOD})`);
  return PREFILL;
}

async function phase(
  label: string,
  env: Record<string, string>,
  plainEnv: Record<string, string>,
  openDb: () => Promise<Database>,
  measures: Measure[],
  prefilled = 0,
): Promise<boolean> {
  const assent = await startServer('Assent', env);
  const plain = await startServer('plain', plainEnv).catch(async (error: unknown) => {
    await stopServer(assent);
    throw error;
  });
  try {
    await interleave([assent, plain], measures);
  } finally {
    await stopServer(assent);
    await stopServer(plain);
  }
  return check(label, openDb, env, assent, plain, prefilled);
}

function row(label: string, unit: Row['unit'], target: string, met: Row['met'] = () => true): Row {
  const made: Row = { label, unit, assent: [], plain: [], target, met };
  rows.push(made);
  return made;
}

async function postgres(url: string): Promise<boolean> {
  const admin = createPgDatabase(url);
  const scopedTo = async (schema: string) => {
    await admin.exec(`create schema ${schema}`);
    const scoped = new URL(url);
    scoped.searchParams.set('options', `-c search_path=${schema}`);
    return scoped.toString();
  };
  const dataDir = await mkdtemp(join(tmpdir(), 'assent-bench-'));
  const schemas: string[] = [];
  try {
    console.log(`\nPostgreSQL: ${CONNECTIONS} connections, ${SECONDS} s per run, ${RUNS} runs`);
    const fresh = `bench_${randomUUID().replace(/-/g, '')}`;
    schemas.push(fresh);
    const freshUrl = await scopedTo(fresh);
    const env = { ASSENT_DATA_DIR: dataDir, DATABASE_URL: freshUrl };
    const batches = row(
      'PostgreSQL, 100-event batches',
      'events/s',
      '≥ 40,000 events/s and ≥ 75 % of plain',
      (a, p) => a.median >= 40_000 && a.median >= 0.75 * p.median,
    );
    const single = row(
      'PostgreSQL, single events',
      'requests/s',
      '≥ 3,000 requests/s and ≥ 80 % of plain',
      (a, p) => a.median >= 3_000 && a.median >= 0.8 * p.median,
    );
    // Single events are bound by the commit's latency: with a connection per request in flight,
    // requests/s is connections ÷ latency, and the latency holds a durable commit (`fdatasync`,
    // 2–3 ms on this disk). More connections show what group commit does with the same disk.
    const manySingle = row(`PostgreSQL, single events, ${WIDE} connections`, 'requests/s', '');
    let ok = await phase('PostgreSQL', env, { DATABASE_URL: freshUrl }, openAt(freshUrl), [
      { row: batches, batchSize: 100 },
      { row: single, batchSize: 1 },
      { row: manySingle, batchSize: 1, connections: WIDE },
    ]);
    if (PREFILL > 0) {
      const full = `bench_${randomUUID().replace(/-/g, '')}`;
      schemas.push(full);
      const fullUrl = await scopedTo(full);
      console.log(`\nPostgreSQL with ${PREFILL} events stored:`);
      const db = createPgDatabase(fullUrl);
      const prefilled = await prefill(db, dataDir).finally(() => db.close());
      const rated = row(
        `PostgreSQL, ${RATE} requests/s asked, ${PREFILL.toLocaleString('en-US')} stored`,
        'p99 ms',
        `all ${RATE} requests/s reached, p99 < 50 ms`,
        (a, _p, samples) =>
          a.median < 50 &&
          summarize(samples.map((s) => s.requestsPerSecond))!.median >= RATE * 0.98,
      );
      const reached = row(`  (requests/s reached of the ${RATE} asked)`, 'requests/s', '');
      ok &&= await phase(
        'PostgreSQL, prefilled',
        { ASSENT_DATA_DIR: dataDir, DATABASE_URL: fullUrl },
        { DATABASE_URL: fullUrl },
        openAt(fullUrl),
        [{ row: rated, batchSize: 1, rate: RATE }],
        prefilled,
      );
      reached.assent.push(...rated.assent);
      reached.plain.push(...rated.plain);
    }
    return ok;
  } finally {
    for (const schema of schemas) await admin.exec(`drop schema ${schema} cascade`);
    await admin.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function openAt(url: string) {
  return async () => createPgDatabase(url);
}

async function pglite(): Promise<boolean> {
  const dataDir = await mkdtemp(join(tmpdir(), 'assent-bench-'));
  try {
    console.log(`\nPGlite: ${CONNECTIONS} connections, ${SECONDS} s per run, ${RUNS} runs`);
    const batches = row(
      'PGlite, 100-event batches',
      'events/s',
      '≥ 10,000 events/s',
      (a) => a.median >= 10_000,
    );
    const single = row('PGlite, single events', 'requests/s', '');
    const plainDir = join(dataDir, 'plain');
    // PGlite serves one process at a time: the check opens each folder after its server stopped.
    return await phase(
      'PGlite',
      { ASSENT_DATA_DIR: dataDir },
      { PLAIN_DATA_DIR: plainDir },
      async () => {
        const assentDb = createPgliteDatabase(join(dataDir, 'pglite'));
        const plainDb = createPgliteDatabase(plainDir);
        return {
          query: (sql: string, params?: unknown[]) =>
            (sql.includes('plain_events') ? plainDb : assentDb).query(sql, params),
          exec: (sql: string) => assentDb.exec(sql),
          transaction: (fn) => assentDb.transaction(fn),
          close: async () => {
            await assentDb.close();
            await plainDb.close();
          },
        } as Database;
      },
      [
        { row: batches, batchSize: 100 },
        { row: single, batchSize: 1 },
      ],
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

function printTable() {
  console.log(
    `\nMedians of ${RUNS} runs (min–max), Assent and the plain one-INSERT server in the same run:\n`,
  );
  console.log('| measure | Assent | plain server | Assent ÷ plain | target | met |');
  console.log('| --- | --: | --: | --: | --- | --- |');
  for (const r of rows) {
    if (!r.assent.length) continue;
    const a = summarize(r.assent.map((s) => figure(r, s)))!;
    const p = summarize(r.plain.map((s) => figure(r, s)))!;
    const ratio = (a.median / p.median).toFixed(2);
    const met = r.target ? (r.met(a, p, r.assent) ? 'yes' : 'no') : '';
    console.log(
      `| ${r.label} (${r.unit}) | ${cell(a)} | ${cell(p)} | ${ratio} | ${r.target} | ${met} |`,
    );
  }
}

let ok = true;
const cluster = { stop: () => {} };
try {
  if (ONLY !== 'pglite' && process.env.BENCH_POSTGRES !== 'off') {
    let url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
    if (!url) {
      const started = startCluster(await freePort());
      if (started) {
        cluster.stop = started.stop;
        url = started.url;
        console.log('PostgreSQL: a throwaway cluster (fsync on)');
      }
    }
    if (url) ok &&= await postgres(url);
    else console.log('\nPostgreSQL: skipped (not installed; set DATABASE_URL)');
  }
  if (ONLY !== 'postgres') ok &&= await pglite();
} finally {
  cluster.stop();
}
printTable();
process.exitCode = ok ? 0 : 1;
