/**
 * `npm run bench:analytics` (also the second step of `npm run bench:server`): how fast the
 * console's analytics answer for a year of a 10-million-event project (issue 14: under 200 ms).
 *
 * The answer reads only the rollup (`consent_rollups`, migration 051), never the events, so the
 * prefill is the rollup a year of 10 million events leaves: `BENCH_ANALYTICS_EVENTS` (default
 * 10,000,000) events spread over 365 days, 40 geographies (Zipf), each with its language and
 * English, five surfaces and every label and state the demo's types take, in the proportions a
 * notice makes (three `viewed` per notice shown, then the clicks), plus the visitors' outcomes
 * (notice shown, accept all, reject all, a mix). Each row's count is its expected share of the
 * events rounded at random (so a combination expected 0.3 times appears in 3 days of 10, as in
 * real data), which gives the table the sparse, long-tailed shape it has in use. The events
 * the rows stand for are summed and printed: the figure is for that many events.
 *
 * Then `GET …/analytics?from&to` for the year, `by` day, geography, language and surface, is
 * timed in process (`createApp(...).request`, no network): `BENCH_ANALYTICS_RUNS` (default 7)
 * runs after one warm-up (the first read, which compacts the closed periods, is printed apart),
 * median and min–max. PostgreSQL when `DATABASE_URL` or
 * `TEST_DATABASE_URL` is set (a schema of its own, dropped afterwards); PGlite otherwise or also
 * with `BENCH_PGLITE=1`.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { migrate } from '../../server/db/migrations.ts';
import { createPgDatabase } from '../../server/db/pg-database.ts';
import { createPgliteDatabase } from '../../server/db/pglite-database.ts';
import {
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  fileKeyStore,
  seedDemo,
} from '../../server/projects/seed.ts';
import { summarize } from '../stats.ts';

const EVENTS = Math.min(Number(process.env.BENCH_ANALYTICS_EVENTS || 10_000_000), 100_000_000);
const RUNS = Math.min(Math.max(Number(process.env.BENCH_ANALYTICS_RUNS || 7), 1), 50);
const KEY = 'bench-analytics-key';
const DAYS = 365;

/** 40 geographies with Zipf weights (the first has the most visitors) and their language. */
const GEOGRAPHIES = [
  ['DE', 'de'],
  ['US-CA', 'en'],
  ['FR', 'fr'],
  ['GB', 'en'],
  ['US-NY', 'en'],
  ['NL', 'nl'],
  ['ES', 'es'],
  ['IT', 'it'],
  ['AT', 'de'],
  ['CH', 'de'],
  ['BE', 'fr'],
  ['SE', 'sv'],
  ['PL', 'pl'],
  ['US-TX', 'en'],
  ['DK', 'da'],
  ['IE', 'en'],
  ['PT', 'pt'],
  ['BR', 'pt'],
  ['CA-QC', 'fr'],
  ['FI', 'fi'],
  ['NO', 'nb'],
  ['CZ', 'cs'],
  ['JP', 'ja'],
  ['AU', 'en'],
  ['US-WA', 'en'],
  ['MX', 'es'],
  ['IN', 'en'],
  ['GR', 'el'],
  ['HU', 'hu'],
  ['RO', 'ro'],
  ['SK', 'sk'],
  ['SI', 'sl'],
  ['HR', 'hr'],
  ['LU', 'fr'],
  ['EE', 'et'],
  ['LV', 'lv'],
  ['LT', 'lt'],
  ['KR', 'ko'],
  ['ZA', 'en'],
  ['unknown', 'en'],
] as const;
const SURFACES = [
  ['notice', 0.85],
  ['preferences', 0.1],
  ['api', 0.03],
  ['gate', 0.015],
  ['link', 0.005],
] as const;
/** Each label and state's share of the events (sums to 1), as the demo's notice makes them. */
const EVENT_SHARES = [
  ['analytics', 'viewed', 0.12],
  ['marketing', 'viewed', 0.12],
  ['privacy_policy', 'viewed', 0.12],
  ['newsletter', 'viewed', 0.02],
  ['necessary', 'accepted', 0.1],
  ['privacy_policy', 'accepted', 0.1],
  ['analytics', 'accepted', 0.1],
  ['analytics', 'declined', 0.06],
  ['marketing', 'accepted', 0.08],
  ['marketing', 'declined', 0.08],
  ['newsletter', 'accepted', 0.01],
  ['newsletter', 'declined', 0.01],
  ['analytics', 'implied', 0.04],
  ['marketing', 'implied', 0.04],
] as const;
/** The outcome rows (label `''`), per event: one notice shown per three `viewed`. */
const OUTCOME_SHARES = [
  ['', 'notice', 0.12],
  ['', 'accept_all', 0.06],
  ['', 'reject_all', 0.04],
  ['', 'mix', 0.02],
] as const;

function values(rows: readonly (readonly (string | number)[])[]): string {
  return rows
    .map((row) => `(${row.map((v) => (typeof v === 'number' ? v : `'${v}'`)).join(', ')})`)
    .join(', ');
}

/** Fills the project's rollup; answers the events its rows stand for and the rows made. */
async function prefillRollup(db: Database, projectId: string) {
  const harmonic = GEOGRAPHIES.reduce((sum, _, i) => sum + 1 / (i + 1), 0);
  const geographies = GEOGRAPHIES.flatMap(([geography, language], i) => {
    const weight = 1 / (i + 1) / harmonic;
    return language === 'en'
      ? [[geography, language, weight]]
      : [
          [geography, language, weight * 0.8],
          [geography, 'en', weight * 0.2],
        ];
  });
  const perDay = EVENTS / DAYS;
  await db.query(
    `insert into consent_rollups (project_id, day, geography, language, surface, label, state, count)
     select $1::uuid, d.day, g.geography, g.language, s.surface, x.label, x.state, c.n
       from (select (current_date - i)::date as day from generate_series(0, ${DAYS - 1}) as i) d
       cross join (values ${values(geographies)}) as g(geography, language, w)
       cross join (values ${values(SURFACES)}) as s(surface, w)
       cross join (values ${values([...EVENT_SHARES, ...OUTCOME_SHARES])}) as x(label, state, w)
       cross join lateral (
         select floor(${perDay} * g.w * s.w * x.w + random())::bigint as n
       ) c
      where c.n > 0`,
    [projectId],
  );
  const { rows } = await db.query<{ events: string; rows: string }>(
    `select coalesce(sum(count) filter (where label <> ''), 0)::text as events,
            count(*)::text as rows
       from consent_rollups where project_id = $1`,
    [projectId],
  );
  return { events: Number(rows[0]!.events), rows: Number(rows[0]!.rows) };
}

async function bench(name: string, open: () => Promise<Database>) {
  const dataDir = await mkdtemp(join(tmpdir(), 'assent-bench-analytics-'));
  const db = await open();
  try {
    await migrate(db);
    await seedDemo(db, { adminKey: KEY, keyStore: fileKeyStore(join(dataDir, 'key')) });
    const started = performance.now();
    const filled = await prefillRollup(db, DEMO_PROJECT_ID);
    const seconds = (performance.now() - started) / 1000;
    await db.exec('analyze consent_rollups');
    console.log(
      `\n${name}: rollup of ${filled.events.toLocaleString('en')} events in ` +
        `${filled.rows.toLocaleString('en')} rows, made in ${seconds.toFixed(1)} s`,
    );
    const app = createApp({ db, logError: (error) => console.error(error) });
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - (DAYS - 1) * 864e5).toISOString().slice(0, 10);
    const path = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}/analytics`;
    for (const by of ['day', 'geography', 'language', 'surface']) {
      const url = `${path}?from=${from}&to=${to}&by=${by}`;
      const times: number[] = [];
      let shown = 0;
      let first = 0;
      for (let run = 0; run <= RUNS; run += 1) {
        const t0 = performance.now();
        const response = await app.request(url, { headers: { 'x-api-key': KEY } });
        const body = (await response.json()) as { totals: { noticesShown?: number } };
        const ms = performance.now() - t0;
        if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
        shown = body.totals.noticesShown ?? shown;
        // The first run compacts the year's closed periods (once in the rollup's life) and
        // warms the caches: printed apart.
        if (run > 0) times.push(ms);
        else first = ms;
      }
      const s = summarize(times)!;
      console.log(
        `  GET …/analytics?from=${from}&to=${to}&by=${by}: median ${s.median.toFixed(1)} ms ` +
          `(min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)}, ${s.count} runs; ` +
          `first read, compacting, ${first.toFixed(0)} ms)` +
          (by === 'day' ? `; notices shown ${shown.toLocaleString('en')}` : ''),
      );
    }
  } finally {
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const url = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
if (!url || process.env.BENCH_PGLITE === '1') {
  const dir = await mkdtemp(join(tmpdir(), 'assent-bench-pglite-'));
  try {
    await bench('PGlite', async () => createPgliteDatabase(join(dir, 'pglite')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
if (url) {
  const schema = `bench_${randomUUID().replace(/-/g, '')}`;
  const admin = createPgDatabase(url);
  await admin.exec(`create schema ${schema}`);
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  try {
    await bench('PostgreSQL', async () => createPgDatabase(scoped.toString()));
  } finally {
    await admin.exec(`drop schema ${schema} cascade`);
    await admin.close();
  }
}
