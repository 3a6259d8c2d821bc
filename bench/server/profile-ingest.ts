/**
 * `npx tsx bench/server/profile-ingest.ts [batch] [seconds]`: where an ingest request's time goes
 * (issue 19). A throwaway PostgreSQL cluster with `pg_stat_statements`, the real server under
 * V8's CPU profiler (`profile-hook.mjs`, the load only), autocannon sending `batch`-event requests (default 100) for `seconds` (10);
 * then the server's functions with the most CPU self time, PostgreSQL's statements by total
 * time, and what the server's connections were waiting on (sampled every 5 ms).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createPgDatabase } from '../../server/db/pg-database.ts';
import { DEMO_PROJECT_ID } from '../../server/projects/seed.ts';
import { startCluster } from './postgres-cluster.ts';

const HOST = '127.0.0.1';
const batch = Number(process.argv[2] ?? 100);
const seconds = Number(process.argv[3] ?? 10);
const workers = process.env.ASSENT_WORKERS ?? '1';
// `ASSENT_ROOT`: another checkout's server (say, main's, for a before and after at the same load).
const root = process.env.ASSENT_ROOT || fileURLToPath(new URL('../..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, HOST, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** CPU seconds (user + system) used so far by a process and, with `children`, its children. */
function cpuSeconds(pid: number, children = false): number {
  const pids = [pid];
  if (children) {
    const listed = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
    pids.push(...listed.stdout.split('\n').filter(Boolean).map(Number));
  }
  let ticks = 0;
  for (const one of pids) {
    try {
      const fields = readFileSync(`/proc/${one}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks +=
        Number(fields[11]) +
        Number(fields[12]) +
        (children ? 0 : Number(fields[13]) + Number(fields[14]));
    } catch {
      // gone
    }
  }
  return ticks / 100;
}

function top(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame;
    const file = frame.url.replace(/^.*node_modules\//, '').replace(/^.*\/work\/[^/]+\//, '');
    const key = `${frame.functionName || '(anonymous)'} ${file || '(native)'}:${frame.lineNumber + 1}`;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    total += ms;
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  const idle = self.get('(idle) (native):0') ?? 0;
  console.log(`\nserver CPU profile: ${total.toFixed(0)} ms sampled, ${idle.toFixed(0)} ms idle`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(
      `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / (total - idle)).toFixed(1).padStart(5)} %  ${key}`,
    );
  }
}

// Piped into `head`, a closed stdout must not end this process before the cluster is stopped.
process.stdout.on('error', () => {});

const cluster = startCluster(await freePort(), [
  'shared_preload_libraries=pg_stat_statements',
  'pg_stat_statements.track=all',
  ...(process.env.AUTO_EXPLAIN
    ? [
        'shared_preload_libraries=pg_stat_statements,auto_explain',
        `auto_explain.log_min_duration=${process.env.AUTO_EXPLAIN}`,
        'auto_explain.log_analyze=on',
        'auto_explain.log_buffers=on',
        'auto_explain.log_nested_statements=on',
        'auto_explain.sample_rate=0.05',
      ]
    : []),
])!;
const profDir = await mkdtemp(join(tmpdir(), 'assent-prof-'));
let server: ChildProcess | undefined;
try {
  const db = createPgDatabase(cluster.url);
  await db.exec('create extension pg_stat_statements');
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'assent-prof-data-'));
  server = spawn(
    process.execPath,
    [
      ...(process.env.PROFILE === 'off' ? [] : ['--import', './bench/server/profile-hook.mjs']),
      '--import',
      'tsx',
      'server/main.ts',
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        HOST,
        PORT: String(port),
        ASSENT_RATE_LIMITS: 'off',
        ASSENT_DATA_DIR: dataDir,
        DATABASE_URL: cluster.url,
        ASSENT_WORKERS: workers,
        ASSENT_PROFILE_OUT: join(profDir, 'load.cpuprofile'),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  server.on('exit', (code, signal) => console.log(`server exited: ${code ?? signal}`));
  const base = `http://${HOST}:${port}`;
  for (;;) {
    try {
      if ((await fetch(`${base}/site-v1/health`)).ok) break;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const session = (await (
    await fetch(`${base}/site-v1/${DEMO_PROJECT_ID}/sessions`, {
      method: 'POST',
      headers: { origin: 'http://127.0.0.1', 'content-type': 'application/json' },
      body: '{}',
    })
  ).json()) as { token: string; concordId: string };
  const items = Array.from({ length: batch }, (_, index) => ({
    concordId: session.concordId,
    label: index % 2 ? 'analytics' : 'marketing',
    consentState: 'accepted',
    consentAction: 'user_click',
  }));
  const fire = (duration: number) =>
    autocannon({
      url: `${base}/site-v1/${DEMO_PROJECT_ID}/consent-events`,
      method: 'POST',
      headers: {
        origin: 'http://127.0.0.1',
        authorization: `Bearer ${session.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ items }),
      connections: Number(process.env.BENCH_CONNECTIONS || 16),
      duration,
    });
  await fire(2);
  await db.exec('select pg_stat_statements_reset()');
  const waits = new Map<string, number>();
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { rows } = await db.query<{ w: string }>(
        `select coalesce(state, '-') || ' / ' || coalesce(wait_event_type || ':' || wait_event, 'CPU') as w
           from pg_stat_activity where backend_type = 'client backend' and application_name = ''
            and pid <> pg_backend_pid() and state <> 'idle'`,
        [],
      );
      for (const { w } of rows) waits.set(w, (waits.get(w) ?? 0) + 1);
      waits.set('(samples)', (waits.get('(samples)') ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const postmaster = Number(
    readFileSync(join(cluster.data, 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  const before = { node: cpuSeconds(server.pid!, true), pg: cpuSeconds(postmaster, true) };
  const profiling = process.env.PROFILE !== 'off';
  if (profiling) server.kill('SIGUSR2');
  const result = await fire(seconds);
  if (profiling) server.kill('SIGUSR2');
  const used = {
    node: cpuSeconds(server.pid!, true) - before.node,
    pg: cpuSeconds(postmaster, true) - before.pg,
  };
  sampling = false;
  await sampler;
  console.log(
    `${batch}-event requests: ${result.requests.average.toFixed(0)} req/s, ${(result.requests.average * batch).toFixed(0)} events/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`,
  );
  const events = result.requests.total * batch;
  console.log(
    `CPU during the load: server ${used.node.toFixed(1)} s (${((1e6 * used.node) / events).toFixed(1)} µs per event), PostgreSQL ${used.pg.toFixed(1)} s (${((1e6 * used.pg) / events).toFixed(1)} µs per event; the sampler's queries included)`,
  );
  const { rows: statements } = await db.query<{
    calls: string;
    total: number;
    mean: number;
    rows: string;
    query: string;
  }>(
    `select calls::text, total_exec_time as total, mean_exec_time as mean, rows::text, query
       from pg_stat_statements order by total_exec_time desc limit 15`,
    [],
  );
  console.log('\nPostgreSQL statements by total execution time:');
  for (const s of statements) {
    console.log(
      `${s.total.toFixed(0).padStart(7)} ms ${s.calls.padStart(7)} calls ${s.mean.toFixed(2).padStart(7)} ms/call ${s.rows.padStart(8)} rows  ${s.query.replace(/\s+/g, ' ').slice(0, 110)}`,
    );
  }
  console.log('\nThe server connections, sampled (state / wait):');
  for (const [w, n] of [...waits].sort((a, b) => b[1] - a[1]))
    console.log(`${String(n).padStart(6)}  ${w}`);
  await db.close();
} finally {
  if (server && server.exitCode === null) {
    await new Promise((resolve) => {
      server!.once('exit', resolve);
      server!.kill('SIGTERM');
    });
  }
  if (process.env.AUTO_EXPLAIN) {
    const log = await readFile(cluster.log, 'utf8');
    const plans = log.split(/\n(?=\S.*LOG: {2}duration)/).filter((p) => p.includes('Query Text'));
    if (process.env.PLAN_MATCH)
      plans.splice(0, plans.length, ...plans.filter((p) => p.includes(process.env.PLAN_MATCH!)));
    console.log(`\n${plans.length} plans logged; the last:\n${plans.at(-1)?.slice(0, 8000)}`);
  }
  cluster.stop();
}
for (const file of await readdir(profDir)) {
  top(JSON.parse(await readFile(join(profDir, file), 'utf8')));
}
