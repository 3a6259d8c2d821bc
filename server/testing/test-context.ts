/** Test support (not a test): an app on a fresh in-memory PGlite, migrated and seeded. */
import { randomUUID } from 'node:crypto';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';
import { createApp, type AppDeps } from '../app.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrations.ts';
import { createPgDatabase } from '../db/pg-database.ts';
import { createPgliteDatabase } from '../db/pglite-database.ts';
import {
  DEMO_PROJECT_ID,
  ensureDemoIdentitySecret,
  seedDemo,
  type KeyStore,
} from '../projects/seed.ts';
import { signIdentityToken } from '../people/identity-token.ts';
import type { PersonIdentifier } from '../../src/core/identifiers.ts';
import { guardDistribution } from './distribution-guard.ts';

export { DEMO_ORGANIZATION_ID, DEMO_OWNER_EMAIL, DEMO_PROJECT_ID } from '../projects/seed.ts';

export const START = new Date('2025-03-01T10:00:00.000Z');
export const LOCAL_ORIGIN = 'http://localhost:3000';
export const DEMO_API_KEY = 'test-admin-key';
export const DEMO_OWNER_PASSWORD = 'test-owner-password';
/** The demo project's identity secret in tests: what the site's backend signs identities with. */
export const TEST_IDENTITY_SECRET = 'test-identity-secret';

export function memoryKeyStore(initial?: string): KeyStore & { key: string | undefined } {
  const store = {
    key: initial,
    read: async () => store.key,
    write: async (key: string) => {
      store.key = key;
    },
  };
  return store;
}

export interface TestContext {
  db: Database;
  app: ReturnType<typeof createApp>;
  /** The app's clock; set it to move time. */
  clock: { now: Date };
  errors: unknown[];
}

/**
 * The database tests run on: a fresh in-memory PGlite, or, with `ASSENT_TEST_BACKEND=postgres`,
 * a schema of its own in `TEST_DATABASE_URL`'s database, dropped on close, so that test files
 * running in parallel never see each other's rows. Guarded (`distribution-guard.ts`): a
 * repository statement not routable to one project, or a transaction binding two, fails the test.
 */
export async function createTestDatabase(): Promise<Database> {
  return guardDistribution(await openTestDatabase());
}

async function openTestDatabase(): Promise<Database> {
  if (process.env.ASSENT_TEST_BACKEND !== 'postgres') return createPgliteDatabase();
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('ASSENT_TEST_BACKEND=postgres needs TEST_DATABASE_URL');
  const schema = `test_${randomUUID().replace(/-/g, '')}`;
  const admin = createPgDatabase(url);
  await admin.exec(`create schema ${schema}`);
  await admin.close();
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const db = createPgDatabase(scoped.toString());
  return {
    ...db,
    async close() {
      await db.exec(`drop schema ${schema} cascade`);
      await db.close();
    },
  };
}

/** A database takes seconds to start: make one per test file (`beforeAll`) and close it after. */
export async function createTestContext(deps: Partial<AppDeps> = {}): Promise<TestContext> {
  const db = await createTestDatabase();
  await migrate(db);
  await seedDemo(db, {
    adminKey: DEMO_API_KEY,
    keyStore: memoryKeyStore(),
    ownerPassword: DEMO_OWNER_PASSWORD,
  });
  await ensureDemoIdentitySecret(db, TEST_IDENTITY_SECRET);
  const clock = { now: START };
  const errors: unknown[] = [];
  const app = createApp({
    db,
    now: () => clock.now,
    logError: (error) => errors.push(error),
    // The test clock stands still, so buckets would never refill; rate-limit tests set their own.
    rateLimits: {
      perIp: false,
      perSession: false,
      loginPerAccount: false,
      loginPerAddress: false,
      consentLinks: false,
    },
    ...deps,
  });
  return { db, app, clock, errors };
}

export async function countRows(db: Database, table: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return rows[0]!.n;
}

export interface TestSession {
  id: string;
  token: string;
  concordId: string;
  geography: string;
  expiresAt: string;
  /** Answered to a session for a new visitor (`{}`) only. */
  visitorSecret?: string;
}

/** Opens a session as a page on `origin` would. */
export async function openTestSession(
  app: TestContext['app'],
  body: { concordId?: string; visitorSecret?: string } = {},
  origin = LOCAL_ORIGIN,
  projectId = DEMO_PROJECT_ID,
): Promise<TestSession> {
  const response = await app.request(`/site-v1/${projectId}/sessions`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as TestSession;
}

/** An identity token for the demo project, as the site's backend signs one (an hour). */
export function identityToken(
  identifier: Partial<Record<PersonIdentifier, string>>,
  now = START,
  secret = TEST_IDENTITY_SECRET,
): string {
  const [kind, value] = Object.entries(identifier)[0] as [PersonIdentifier, string];
  return signIdentityToken({ kind, value }, secret, now);
}

/** POSTs a consent event batch with a session token. */
export function postEvents(
  app: TestContext['app'],
  token: string,
  body: unknown,
  projectId = DEMO_PROJECT_ID,
): Promise<Response> {
  return Promise.resolve(
    app.request(`/site-v1/${projectId}/consent-events`, {
      method: 'POST',
      headers: {
        origin: LOCAL_ORIGIN,
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

/** Asserts that `value` validates against `schema`, showing ajv's errors when it does not. */
export function expectToMatchSchema(schema: object, value: unknown) {
  const validate = ajv.compile(schema);
  validate(value);
  expect(validate.errors ?? []).toEqual([]);
}

/** Asserts the seeds' error shape and status, and returns the message. */
export async function expectError(response: Response, status: number): Promise<string> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { statusCode: number; error: string; message: string };
  expect(Object.keys(body).sort()).toEqual(['error', 'message', 'statusCode']);
  expect(body.statusCode).toBe(status);
  expect(typeof body.message).toBe('string');
  return body.message;
}
