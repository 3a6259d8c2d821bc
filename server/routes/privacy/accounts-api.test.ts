import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../accounts/password.ts';
import { putApiKey } from '../../db/repositories/api-keys.ts';
import { insertMember } from '../../db/repositories/members.ts';
import { ensureOrganization } from '../../db/repositories/organizations.ts';
import { ensureProject } from '../../db/repositories/projects.ts';
import { DEMO_PROJECT } from '../../projects/seed.ts';
import { sha256 } from '../../crypto/sha256.ts';
import {
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_OWNER_EMAIL,
  DEMO_OWNER_PASSWORD,
  DEMO_PROJECT_ID,
  expectError,
  type TestContext,
} from '../../testing/test-context.ts';

const OTHER_ORGANIZATION_ID = '00000000-0000-4000-8000-0000000000aa';
const OTHER_KEY = 'other-organization-key';
const SECOND_PROJECT_ID = '00000000-0000-4000-8000-0000000000bc';
const organization = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}`;
const project = `${organization}/projects/${DEMO_PROJECT_ID}`;

type Credentials = { key: string } | { token: string };

describe('Privacy API: projects, API keys and members', () => {
  let t: TestContext;
  let owner: Credentials;
  let admin: Credentials;
  let otherMember: Credentials;

  async function login(email: string, password: string): Promise<Credentials> {
    const response = await t.app.request('/auth/v1/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(response.status).toBe(200);
    return { token: ((await response.json()) as { token: string }).token };
  }

  async function member(organizationId: string, email: string, role: 'admin' | 'viewer') {
    await insertMember(t.db, {
      id: randomUUID(),
      organizationId,
      email,
      role,
      passwordHash: await hashPassword('member-password'),
    });
    return login(email, 'member-password');
  }

  function send(as: Credentials, method: string, path: string, body?: unknown) {
    return t.app.request(path, {
      method,
      headers: {
        ...('key' in as ? { 'x-api-key': as.key } : { authorization: `Bearer ${as.token}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  }

  beforeAll(async () => {
    t = await createTestContext();
    await ensureOrganization(t.db, { id: OTHER_ORGANIZATION_ID, name: 'Other', slug: 'other' });
    await putApiKey(t.db, {
      id: randomUUID(),
      organizationId: OTHER_ORGANIZATION_ID,
      name: 'test',
      keyHash: sha256(OTHER_KEY),
    });
    owner = await login(DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD);
    admin = await member(DEMO_ORGANIZATION_ID, 'admin@demo.example', 'admin');
    otherMember = await member(OTHER_ORGANIZATION_ID, 'owner@other.example', 'admin');
  }, 120_000);
  afterAll(() => t.db.close());

  it('lists the organization’s projects with their slugs and settings', async () => {
    const response = await send(owner, 'GET', `${organization}/projects`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      count: number;
      items: { id: string; slug: string }[];
    };
    expect(body.count).toBe(1);
    expect(body.items[0]).toMatchObject({ id: DEMO_PROJECT_ID, slug: 'demo-project' });
  });

  it('changes a project’s name, origins, policies and display, and site-client sends the display', async () => {
    const change = {
      name: 'Northwind Coffee EU',
      allowedOrigins: ['loopback', 'https://shop.example'],
      policies: { default: 'opt-in', regions: { US: 'opt-out', 'US-CA': 'opt-in' } },
      display: { layout: 'box', theme: 'dark', blocking: false, floatingButton: 'right' },
    };
    const response = await send(admin, 'PATCH', project, change);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject(change);
    expect(await (await send(owner, 'GET', project)).json()).toMatchObject(change);
    const client = (await (
      await t.app.request(`/site-v1/${DEMO_PROJECT_ID}/site-client`)
    ).json()) as {
      layout: string;
      floatingButton: string;
      theme: { mode: string };
    };
    expect(client).toMatchObject({
      layout: 'box',
      floatingButton: 'right',
      theme: { mode: 'dark' },
    });
  });

  it('keeps a refusal’s notice away for the project’s decline period: P6M unless changed, sent in site-client (issue 17)', async () => {
    const client = async () =>
      (await (await t.app.request(`/site-v1/${DEMO_PROJECT_ID}/site-client`)).json()) as {
        declineDuration?: string;
      };
    expect(await (await send(owner, 'GET', project)).json()).toMatchObject({
      declineDuration: 'P6M',
    });
    expect((await client()).declineDuration).toBe('P6M');
    // Not a duration, or not a string: refused with the error shape, nothing changes.
    await expectError(await send(owner, 'PATCH', project, { declineDuration: 'six months' }), 400);
    await expectError(await send(owner, 'PATCH', project, { declineDuration: 6 }), 400);
    // Another organization's member cannot change it.
    const foreign = await send(otherMember, 'PATCH', project, { declineDuration: 'P1D' });
    expect(foreign.status).toBeGreaterThanOrEqual(403);
    expect(foreign.status).toBeLessThanOrEqual(404);
    expect((await client()).declineDuration).toBe('P6M');
    const changed = await send(admin, 'PATCH', project, { declineDuration: 'P3M' });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ declineDuration: 'P3M' });
    expect((await client()).declineDuration).toBe('P3M');
    await send(admin, 'PATCH', project, { declineDuration: 'P6M' });
  });

  it('refuses a bad change with a 400 and a taken slug with a 409', async () => {
    await expectError(await send(owner, 'PATCH', project, { allowedOrigins: ['ftp://x'] }), 400);
    await expectError(await send(owner, 'PATCH', project, { display: { layout: 'huge' } }), 400);
    await expectError(await send(owner, 'PATCH', project, { slug: 'Not A Slug' }), 400);
    await expectError(await send(owner, 'PATCH', project, { texts: { de: { title: 'x' } } }), 400);
    await expectError(await send(owner, 'PATCH', project, {}), 400);
  });

  it('changes the organization’s slug (owner only), refusing a taken (409) or bad one (400)', async () => {
    expect(await (await send(admin, 'GET', organization)).json()).toMatchObject({
      id: DEMO_ORGANIZATION_ID,
      slug: 'demo-organization',
    });
    await expectError(await send(admin, 'PATCH', organization, { slug: 'by-admin' }), 403);
    await expectError(await send(owner, 'PATCH', organization, { slug: 'other' }), 409);
    for (const slug of ['Not A Slug', '-dash', 'a'.repeat(64), '']) {
      await expectError(await send(owner, 'PATCH', organization, { slug }), 400);
    }
    await expectError(await send(owner, 'PATCH', organization, { slug: 'x', name: 'y' }), 400);
    const changed = await send(owner, 'PATCH', organization, { slug: 'northwind' });
    expect(await changed.json()).toMatchObject({ slug: 'northwind' });
    const back = await send({ key: DEMO_API_KEY }, 'PATCH', organization, {
      slug: 'demo-organization',
    });
    expect(await back.json()).toMatchObject({ slug: 'demo-organization' });
  });

  it('changes a project’s slug, and refuses one another project of the organization has (409)', async () => {
    await ensureProject(t.db, {
      ...DEMO_PROJECT,
      id: SECOND_PROJECT_ID,
      slug: 'second-project',
    });
    await expectError(await send(admin, 'PATCH', project, { slug: 'second-project' }), 409);
    expect(await (await send(admin, 'PATCH', project, { slug: 'shop' })).json()).toMatchObject({
      slug: 'shop',
    });
    expect(
      await (await send(admin, 'PATCH', project, { slug: 'demo-project' })).json(),
    ).toMatchObject({ slug: 'demo-project' });
  });

  it('creates a scoped key shown once, lists it without the key, and revokes it', async () => {
    const created = await send(owner, 'POST', `${organization}/api-keys`, {
      name: 'backend',
      scope: 'consent',
    });
    expect(created.status).toBe(201);
    const key = (await created.json()) as { id: string; key: string; scope: string };
    expect(key.scope).toBe('consent');
    // A consent key reads consent types, but cannot change configuration.
    expect((await send({ key: key.key }, 'GET', `${project}/consent-types`)).status).toBe(200);
    await expectError(await send({ key: key.key }, 'PATCH', project, { name: 'x' }), 403);
    const list = (await (await send(owner, 'GET', `${organization}/api-keys`)).json()) as {
      items: Record<string, unknown>[];
    };
    const listed = list.items.find((item) => item.id === key.id)!;
    expect(listed).toMatchObject({ name: 'backend', scope: 'consent' });
    expect(listed).not.toHaveProperty('key');
    await expectError(
      await send(owner, 'POST', `${organization}/api-keys`, { name: 'backend' }),
      409,
    );
    expect((await send(owner, 'DELETE', `${organization}/api-keys/${key.id}`)).status).toBe(204);
    await expectError(await send({ key: key.key }, 'GET', `${project}/consent-types`), 401);
    await expectError(await send(owner, 'DELETE', `${organization}/api-keys/${key.id}`), 404);
  });

  it('lets only an owner (or an admin key) manage keys and members; an admin may read them', async () => {
    expect((await send(admin, 'GET', `${organization}/api-keys`)).status).toBe(200);
    expect((await send(admin, 'GET', `${organization}/members`)).status).toBe(200);
    await expectError(await send(admin, 'POST', `${organization}/api-keys`, { name: 'a' }), 403);
    await expectError(
      await send(admin, 'POST', `${organization}/members`, {
        email: 'a@b.example',
        role: 'viewer',
      }),
      403,
    );
    const byKey = await send({ key: DEMO_API_KEY }, 'POST', `${organization}/api-keys`, {
      name: 'made-by-key',
    });
    expect(byKey.status).toBe(201);
  });

  it('adds a member with a one-time password that logs in, changes the role and removes them', async () => {
    const created = await send(owner, 'POST', `${organization}/members`, {
      email: 'New.Person@Demo.example',
      role: 'viewer',
    });
    expect(created.status).toBe(201);
    const person = (await created.json()) as { id: string; email: string; password: string };
    expect(person.email).toBe('new.person@demo.example');
    const session = await login(person.email, person.password);
    await expectError(await send(session, 'PATCH', project, { name: 'x' }), 403);
    const promoted = await send(owner, 'PATCH', `${organization}/members/${person.id}`, {
      role: 'admin',
    });
    expect(await promoted.json()).toMatchObject({ role: 'admin' });
    expect((await send(session, 'PATCH', project, { name: 'Northwind Coffee' })).status).toBe(200);
    await expectError(
      await send(owner, 'POST', `${organization}/members`, { email: person.email, role: 'viewer' }),
      409,
    );
    expect((await send(owner, 'DELETE', `${organization}/members/${person.id}`)).status).toBe(204);
    await expectError(await send(session, 'GET', project), 401);
  });

  it('keeps the last owner: neither demoted nor removed', async () => {
    const members = (await (await send(owner, 'GET', `${organization}/members`)).json()) as {
      items: { id: string; role: string }[];
    };
    const only = members.items.find((m) => m.role === 'owner')!;
    await expectError(
      await send(owner, 'PATCH', `${organization}/members/${only.id}`, { role: 'admin' }),
      409,
    );
    await expectError(await send(owner, 'DELETE', `${organization}/members/${only.id}`), 409);
  });

  it('refuses another organization’s member and key on every route it adds (403 or 404)', async () => {
    const someId = randomUUID();
    const routes: [string, string, unknown?][] = [
      ['GET', organization],
      ['PATCH', organization, { slug: 'stolen' }],
      ['GET', `${organization}/projects`],
      ['GET', project],
      ['PATCH', project, { name: 'stolen' }],
      ['GET', `${organization}/api-keys`],
      ['POST', `${organization}/api-keys`, { name: 'stolen' }],
      ['DELETE', `${organization}/api-keys/${someId}`],
      ['GET', `${organization}/members`],
      ['POST', `${organization}/members`, { email: 'thief@other.example', role: 'owner' }],
      ['PATCH', `${organization}/members/${someId}`, { role: 'owner' }],
      ['DELETE', `${organization}/members/${someId}`],
      ['GET', `${project}/consent-types`],
      ['GET', `${project}/consent-events`],
      ['GET', `${project}/analytics`],
      ['GET', `${project}/chain-verification`],
      [
        'GET',
        `${project}/consent-types/00000000-0000-4000-8000-0000000000c2/invalidated-decisions`,
      ],
    ];
    for (const as of [otherMember, { key: OTHER_KEY }]) {
      for (const [method, path, body] of routes) {
        const response = await send(as, method, path, body);
        expect([403, 404], `${method} ${path}`).toContain(response.status);
      }
      // Their own organization's path does not reach this organization's project either.
      const own = `/privacy-v1/organizations/${OTHER_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}`;
      await expectError(await send(as, 'GET', own), 404);
      await expectError(await send(as, 'PATCH', own, { name: 'stolen' }), 404);
      const list = (await (
        await send(as, 'GET', `/privacy-v1/organizations/${OTHER_ORGANIZATION_ID}/projects`)
      ).json()) as { count: number };
      expect(list.count).toBe(0);
    }
    expect(((await (await send(owner, 'GET', project)).json()) as { name: string }).name).not.toBe(
      'stolen',
    );
  });
});
