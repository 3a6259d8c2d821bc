/**
 * Starts the site API with the demo site: `tsx server/main.ts`. The only module that reads the
 * environment, touches the disk or opens a port. With `ASSENT_WORKERS` above 1 (and
 * PostgreSQL), this process migrates and seeds the database, then forks that many workers
 * (`node:cluster`), each a full instance on the shared port, and restarts any that dies.
 */
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { openDatabase } from './db/open-database.ts';
import { readOrCreateSecret } from './crypto/server-secret.ts';
import { startWebhookDeliverer } from './webhooks/deliverer.ts';
import { createMailer, mailerFromEnv } from './mail/mailer.ts';
import { purgeExpired } from './consent-events/retention.ts';
import {
  DEMO_ORGANIZATION_ID,
  DEMO_OWNER_EMAIL,
  DEMO_PROJECT_ID,
  ensureDemoIdentitySecret,
  fileKeyStore,
  seedDemo,
} from './projects/seed.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;
const port = Number(env.PORT || 8787);
const host = env.HOST || '127.0.0.1';
/**
 * `ASSENT_WORKERS`: how many processes serve (`auto`: one per core). Workers share one port and
 * are instances as several hosts' would be (README, "Several instances"); PGlite serves one
 * process, and the demo mail catcher is one process's memory, so both keep one.
 */
function workerCount(): number {
  const asked = env.ASSENT_WORKERS === 'auto' ? availableParallelism() : Number(env.ASSENT_WORKERS);
  if (!Number.isInteger(asked) || asked <= 1) return 1;
  if (!env.DATABASE_URL) {
    console.warn(
      'assent: ASSENT_WORKERS needs DATABASE_URL (PGlite serves one process); one process serves',
    );
    return 1;
  }
  if (env.ASSENT_DEMO_MAIL === '1') {
    console.warn('assent: ASSENT_DEMO_MAIL keeps the demo mail in one process; one process serves');
    return 1;
  }
  return Math.min(asked, 64);
}
const workers = cluster.isWorker ? 1 : workerCount();

const { db, dataDir, location } = await openDatabase(env);
// Workers find the database migrated and seeded by the primary, and its secret in ASSENT_SECRET.
const { apiKey, ownerPassword } = cluster.isWorker
  ? { apiKey: '', ownerPassword: undefined }
  : await seedDemo(db, {
      ...(env.ASSENT_ADMIN_KEY && { adminKey: env.ASSENT_ADMIN_KEY }),
      keyStore: fileKeyStore(join(dataDir, 'demo-api-key')),
      ...(env.ASSENT_ADMIN_PASSWORD && { ownerPassword: env.ASSENT_ADMIN_PASSWORD }),
      passwordStore: fileKeyStore(join(dataDir, 'demo-owner-password')),
    });

const identitySecret = cluster.isWorker
  ? ''
  : await ensureDemoIdentitySecret(db, env.ASSENT_IDENTITY_SECRET || undefined);

const secret = env.ASSENT_SECRET || (await readOrCreateSecret(join(dataDir, 'session-secret')));

/** What a person needs to use the demo, printed once by the process that was started. */
function banner(origin: string, demoMailUrl?: string) {
  console.log(`Assent demo:     ${origin}/`);
  console.log(`Site API:        ${origin}/site-v1/health`);
  console.log(`Database:        ${location}`);
  if (workers > 1) console.log(`Workers:         ${workers} (ASSENT_WORKERS)`);
  if (demoMailUrl)
    console.log(`Demo mail:       ${demoMailUrl} (shown at ${origin}/admin/#/links)`);
  console.log(`Organization id: ${DEMO_ORGANIZATION_ID}`);
  console.log(`Project id:      ${DEMO_PROJECT_ID}`);
  console.log(`API key:         ${apiKey}${env.ASSENT_ADMIN_KEY ? ' (ASSENT_ADMIN_KEY)' : ''}`);
  console.log(
    `Identity secret: ${identitySecret}${env.ASSENT_IDENTITY_SECRET ? ' (ASSENT_IDENTITY_SECRET)' : ''}`,
  );
  console.log(`Console:         ${origin}/admin/`);
  // The password is only printed when generated; one from the environment is the owner's own.
  console.log(
    `Console login:   ${DEMO_OWNER_EMAIL} / ${env.ASSENT_ADMIN_PASSWORD ? '$ASSENT_ADMIN_PASSWORD' : ownerPassword}`,
  );
}

const originOf = (address: string, listening: number) =>
  `http://${address.includes(':') ? `[${address}]` : address}:${listening}`;

if (workers > 1) {
  // The primary serves nothing: it forks, supervises and stops the workers, and exits itself.
  await db.close();
  let stopping = false;
  let announced = false;
  const fork = () => cluster.fork({ ASSENT_SECRET: secret });
  cluster.on('listening', (_worker, address) => {
    if (announced) return;
    announced = true;
    banner(originOf(host, address.port));
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(
      `assent: worker ${worker.process.pid} exited (${signal ?? code}); starting another`,
    );
    setTimeout(fork, 1000).unref();
  });
  for (let index = 0; index < workers; index += 1) fork();
  const stopAll = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping ${workers} workers`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGINT', () => stopAll('SIGINT'));
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  await new Promise<never>(() => {});
}

const allowPrivate = env.ASSENT_WEBHOOK_ALLOW_PRIVATE === '1';
// Tests only: a faster retry schedule (`200,200,200`) and attempt timeout.
const backoff = env.ASSENT_WEBHOOK_BACKOFF_MS?.split(',').map(Number);
const deliverer = startWebhookDeliverer({
  db,
  allowPrivate,
  ...(backoff?.every((ms) => Number.isFinite(ms) && ms >= 0) && { backoffMs: backoff }),
  ...(Number(env.ASSENT_WEBHOOK_TIMEOUT_MS) > 0 && {
    timeoutMs: Number(env.ASSENT_WEBHOOK_TIMEOUT_MS),
  }),
});

// `ASSENT_DEMO_MAIL=1` (and no SMTP server named): a mail catcher on loopback receives the demo's
// mail, which the console's Links page shows. smtp-server is a dev dependency: imported only then.
const demoCatcher =
  env.ASSENT_DEMO_MAIL === '1' && !env.ASSENT_SMTP_URL
    ? await (await import('./testing/smtp-catcher.ts')).startSmtpCatcher()
    : undefined;
const mailer = demoCatcher ? createMailer({ smtpUrl: demoCatcher.url }) : mailerFromEnv(env);
// e2e only (`NODE_ENV=test`): the server's clock runs this far ahead, so that a test can restart
// it past a consent link's expiry. Ignored anywhere else.
const clockOffsetMs =
  env.NODE_ENV === 'test' ? Number(env.ASSENT_TEST_CLOCK_OFFSET_MS || 0) || 0 : 0;
const app = createApp({
  db,
  secret,
  mailer,
  ...(demoCatcher && { demoMail: () => demoCatcher.mails }),
  ...(clockOffsetMs !== 0 && { now: () => new Date(Date.now() + clockOffsetMs) }),
  ...(env.ASSENT_PUBLIC_URL && { publicUrl: env.ASSENT_PUBLIC_URL }),
  webhooks: { allowPrivate, wake: () => deliverer.wake() },
  storeRawUserAgent: env.ASSENT_STORE_RAW_USER_AGENT === '1',
  // Load tests only: one client on loopback would otherwise be limited like a flood.
  ...(env.ASSENT_RATE_LIMITS === 'off' && { rateLimits: { perIp: false, perSession: false } }),
  ...(env.ASSENT_GEO_HEADER && { geoHeader: env.ASSENT_GEO_HEADER }),
  // The IAB's list by default; the demo's own (`demo/tcf/`, served at /tcf/) with
  // ASSENT_GVL_URL=http://127.0.0.1:8787/tcf/vendor-list.json.
  ...(env.ASSENT_GVL_URL && { gvl: { url: env.ASSENT_GVL_URL } }),
  staticDirs: {
    assets: join(root, 'dist'),
    site: join(root, 'demo'),
    console: join(root, 'dist', 'console'),
  },
});

// The retention purge (issue 17), a minute after start and then daily; `npm run admin -- purge`
// runs it by hand. Idempotent, so instances running it at the same time only wait on the lock.
const purgeEvery = Number(env.ASSENT_PURGE_INTERVAL_HOURS || 24) * 3_600_000;
/** The purge under way, which a stop waits for before it closes the database. */
let purging: Promise<void> | undefined;
function purgeNow() {
  if (stopping || purging) return;
  purging = purgeExpired(db, { now: new Date() })
    .then(
      (report) => {
        if (report.removed > 0)
          console.log(`assent: retention purge removed ${report.removed} events`);
      },
      (error: unknown) => console.error('assent: retention purge failed', error),
    )
    .finally(() => (purging = undefined));
}
const firstPurge = setTimeout(purgeNow, 60_000).unref();
const dailyPurge = setInterval(purgeNow, purgeEvery).unref();

const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  // A worker is announced by its primary.
  if (!cluster.isWorker) banner(originOf(host, info.port), demoCatcher?.url);
});

let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  if (!cluster.isWorker) console.log(`${signal}: stopping`);
  clearTimeout(firstPurge);
  clearInterval(dailyPurge);
  server.close(() => {
    mailer.close();
    void demoCatcher?.close();
    deliverer
      .stop()
      // A purge under way finishes first: its transaction, not a closed pool, decides.
      .then(() => purging)
      .then(() => db.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('assent: closing the database failed', error);
          process.exit(1);
        },
      );
  });
  // Keep-alive connections would hold `close` open; do not wait on them for ever.
  setTimeout(() => process.exit(1), 5000).unref();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
