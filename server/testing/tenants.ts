/**
 * The people and organizations a route test needs beside the demo's: another organization with a
 * project and an admin key (every route is tried from it: none of the demo's data may be
 * reachable), a key of a narrower scope, and members of a role with their session tokens.
 */
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../accounts/password.ts';
import { sha256 } from '../crypto/sha256.ts';
import { insertApiKey, type ApiKeyScope } from '../db/repositories/api-keys.ts';
import { insertMember } from '../db/repositories/members.ts';
import { ensureOrganization } from '../db/repositories/organizations.ts';
import { ensureProject } from '../db/repositories/projects.ts';
import { DEMO_ORGANIZATION_ID, DEMO_PROJECT } from '../projects/seed.ts';
import type { TestContext } from './test-context.ts';

export const OTHER_ORGANIZATION_ID = '00000000-0000-4000-8000-0000000000aa';
export const OTHER_PROJECT_ID = '00000000-0000-4000-8000-0000000000bb';
/** The other organization's `admin` key. */
export const OTHER_KEY = 'other-organization-key';
/** A `consent`-scoped key of the demo organization (`addConsentKey`). */
export const CONSENT_KEY = 'demo-consent-key';

/** Another organization (slug `other`) with a project (slug `other-project`) and an admin key. */
export async function addOtherOrganization(t: TestContext): Promise<void> {
  await ensureOrganization(t.db, { id: OTHER_ORGANIZATION_ID, name: 'Other', slug: 'other' });
  await ensureProject(t.db, {
    ...DEMO_PROJECT,
    id: OTHER_PROJECT_ID,
    organizationId: OTHER_ORGANIZATION_ID,
    slug: 'other-project',
  });
  await addApiKey(t, { organizationId: OTHER_ORGANIZATION_ID, key: OTHER_KEY, name: 'test' });
}

/** An API key of `scope` (default `admin`) in an organization (default the demo's). */
export async function addApiKey(
  t: TestContext,
  key: { key: string; name?: string; organizationId?: string; scope?: ApiKeyScope },
): Promise<void> {
  await insertApiKey(t.db, {
    id: randomUUID(),
    organizationId: key.organizationId ?? DEMO_ORGANIZATION_ID,
    name: key.name ?? key.key,
    keyHash: sha256(key.key),
    scope: key.scope ?? 'admin',
  });
}

/** The demo organization's `consent`-scoped key, `CONSENT_KEY`. */
export function addConsentKey(t: TestContext): Promise<void> {
  return addApiKey(t, { key: CONSENT_KEY, name: 'consent', scope: 'consent' });
}

/** Logs a member in through `POST /auth/v1/login`; their session token. */
export async function logIn(t: TestContext, email: string, password: string): Promise<string> {
  const response = await t.app.request('/auth/v1/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`login of ${email}: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** A member of `role` (default in the demo organization), logged in: their session token. */
export async function addMember(
  t: TestContext,
  member: { role: 'owner' | 'admin' | 'viewer'; email?: string; organizationId?: string },
): Promise<string> {
  const email = member.email ?? `${member.role}@demo.example`;
  const password = `${member.role}-password`;
  await insertMember(t.db, {
    id: randomUUID(),
    organizationId: member.organizationId ?? DEMO_ORGANIZATION_ID,
    email,
    role: member.role,
    passwordHash: await hashPassword(password),
  });
  return logIn(t, email, password);
}

/** Who a request is made as: an API key, or a member's session token. */
export type Credentials = { key: string } | { token: string };

/** A JSON request to the app as `as`. A string body is sent as it is (for malformed JSON). */
export function requestAs(
  t: TestContext,
  as: Credentials,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return Promise.resolve(
    t.app.request(path, {
      method,
      headers: {
        ...('key' in as ? { 'x-api-key': as.key } : { authorization: `Bearer ${as.token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && {
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    }),
  );
}
