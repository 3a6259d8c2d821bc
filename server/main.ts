/**
 * Starts the site API with the demo site: `tsx server/main.ts`. The only module that reads the
 * environment, touches the disk or opens a port.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { openDatabase } from './db/open-database.ts';
import { readOrCreateSecret } from './crypto/server-secret.ts';
import {
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  ensureDemoIdentitySecret,
  fileKeyStore,
  seedDemo,
} from './projects/seed.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;
const port = Number(env.PORT || 8787);
const host = env.HOST || '127.0.0.1';
const { db, dataDir, location } = await openDatabase(env);
const { apiKey } = await seedDemo(db, {
  ...(env.ASSENT_ADMIN_KEY && { adminKey: env.ASSENT_ADMIN_KEY }),
  keyStore: fileKeyStore(join(dataDir, 'demo-api-key')),
});

const identitySecret = await ensureDemoIdentitySecret(db, env.ASSENT_IDENTITY_SECRET || undefined);

const secret = env.ASSENT_SECRET || (await readOrCreateSecret(join(dataDir, 'session-secret')));

const app = createApp({
  db,
  secret,
  storeRawUserAgent: env.ASSENT_STORE_RAW_USER_AGENT === '1',
  // Load tests only: one client on loopback would otherwise be limited like a flood.
  ...(env.ASSENT_RATE_LIMITS === 'off' && { rateLimits: { perIp: false, perSession: false } }),
  ...(env.ASSENT_GEO_HEADER && { geoHeader: env.ASSENT_GEO_HEADER }),
  staticDirs: { assets: join(root, 'dist'), site: join(root, 'demo') },
});

const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`;
  console.log(`Assent demo:     ${origin}/`);
  console.log(`Site API:        ${origin}/site-v1/health`);
  console.log(`Database:        ${location}`);
  console.log(`Organization id: ${DEMO_ORGANIZATION_ID}`);
  console.log(`Project id:      ${DEMO_PROJECT_ID}`);
  console.log(`API key:         ${apiKey}${env.ASSENT_ADMIN_KEY ? ' (ASSENT_ADMIN_KEY)' : ''}`);
  console.log(
    `Identity secret: ${identitySecret}${env.ASSENT_IDENTITY_SECRET ? ' (ASSENT_IDENTITY_SECRET)' : ''}`,
  );
});

let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  server.close(() => {
    db.close().then(
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
