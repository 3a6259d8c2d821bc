import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../mail/mailer.ts';
import { startSmtpCatcher, type SmtpCatcher } from '../../testing/smtp-catcher.ts';
import { verifyChains } from '../../consent-events/chain-verification.ts';
import { dueDate } from '../../requests/privacy-request.ts';
import {
  countRows,
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  expectError,
  LOCAL_ORIGIN,
  openTestSession,
  START,
  type TestContext,
  type TestSession,
} from '../../testing/test-context.ts';
import {
  addOtherOrganization,
  OTHER_KEY,
  OTHER_ORGANIZATION_ID,
  OTHER_PROJECT_ID,
} from '../../testing/tenants.ts';

const requests = (organizationId = DEMO_ORGANIZATION_ID, projectId = DEMO_PROJECT_ID) =>
  `/privacy-v1/organizations/${organizationId}/projects/${projectId}/privacy-requests`;

interface Request {
  id: string;
  kind: string;
  status: string;
  dueAt: string;
  overdue: boolean;
  email?: string;
  history?: { action: string; actor: string }[];
}

describe('privacy requests: the site API files and verifies, the Privacy API moves them', () => {
  let t: TestContext;
  let smtp: SmtpCatcher;
  let visitor: TestSession;

  function site(path: string, session: TestSession, body: unknown) {
    return Promise.resolve(
      t.app.request(`/site-v1/${DEMO_PROJECT_ID}/privacy-requests${path}`, {
        method: 'POST',
        headers: {
          origin: LOCAL_ORIGIN,
          authorization: `Bearer ${session.token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      }),
    );
  }
  function api(path: string, init: { method?: string; body?: unknown; key?: string } = {}) {
    return Promise.resolve(
      t.app.request(path, {
        method: init.method ?? 'GET',
        headers: { 'x-api-key': init.key ?? DEMO_API_KEY, 'content-type': 'application/json' },
        ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      }),
    );
  }
  async function file(session: TestSession, body: unknown): Promise<{ id: string; code: string }> {
    const to = (body as { email: string }).email;
    const mine = () => smtp.mails.filter((mail) => mail.to.includes(to));
    const before = mine().length;
    const response = await site('', session, body);
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    // The sender answers after the server took the mail; the catcher may parse it a moment later.
    for (let i = 0; i < 100 && mine().length === before; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { id, code: /\b(\d{6})\b/.exec(mine().at(-1)!.text)![1]! };
  }

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await createTestContext({
      mailer: createMailer({ smtpUrl: smtp.url }),
      geoHeader: 'x-geo',
    });
    await addOtherOrganization(t);
    visitor = await openTestSession(t.app);
  }, 60_000);
  afterAll(async () => {
    await t.db.close();
    await smtp.close();
  });

  it('gives one month under the GDPR and 45 days in California', () => {
    expect(dueDate('FR', START).toISOString()).toBe('2025-04-01T10:00:00.000Z');
    expect(dueDate('unknown', START).toISOString()).toBe('2025-04-01T10:00:00.000Z');
    expect(dueDate('US-CA', START).toISOString()).toBe('2025-04-15T10:00:00.000Z');
  });

  it('files a request, mails a code, and verifies it with the code only', async () => {
    const { id, code } = await file(visitor, { kind: 'access', email: 'ada@example.com' });
    await expectError(
      await site(`/${id}/verify`, visitor, { code: code === '000000' ? '000001' : '000000' }),
      400,
    );
    const other = await openTestSession(t.app);
    await expectError(await site(`/${id}/verify`, other, { code }), 404);
    const verified = await site(`/${id}/verify`, visitor, { code });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({ status: 'verified' });
    await expectError(await site(`/${id}/verify`, visitor, { code }), 409);
  });

  it('takes the due date from the session geography', async () => {
    const response = await t.app.request(`/site-v1/${DEMO_PROJECT_ID}/sessions`, {
      method: 'POST',
      headers: { origin: LOCAL_ORIGIN, 'content-type': 'application/json', 'x-geo': 'US-CA' },
      body: '{}',
    });
    const californian = (await response.json()) as TestSession;
    const filed = await site('', californian, { kind: 'opt_out', email: 'cal@example.com' });
    expect(((await filed.json()) as Request).dueAt).toBe('2025-04-15T10:00:00.000Z');
    await smtp.next('cal@example.com');
  });

  it('refuses bad requests and rate-limits per visitor, changing nothing', async () => {
    const before = await countRows(t.db, 'privacy_requests');
    for (const body of [
      {},
      { kind: 'forget', email: 'a@example.com' },
      { kind: 'access', email: 'nope' },
    ]) {
      await expectError(await site('', visitor, body), 400);
    }
    expect(await countRows(t.db, 'privacy_requests')).toBe(before);
    const busy = await openTestSession(t.app);
    for (let i = 0; i < 3; i += 1)
      await file(busy, { kind: 'export', email: `busy${i}@example.com` });
    const limited = await site('', busy, { kind: 'export', email: 'busy9@example.com' });
    await expectError(limited, 429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
  });

  it('lists by status, flags overdue ones, and keeps other organizations out', async () => {
    const list = async (query = '', key?: string, path = requests()) =>
      api(`${path}${query}`, { ...(key && { key }) });
    const all = (await (await list()).json()) as { items: Request[] };
    expect(all.items.length).toBeGreaterThanOrEqual(5);
    const verified = (await (await list('?status=verified')).json()) as { items: Request[] };
    expect(verified.items.map((request) => request.kind)).toEqual(['access']);
    expect(all.items.every((request) => request.overdue === false)).toBe(true);
    t.clock.now = new Date('2025-04-10T00:00:00Z');
    const later = (await (await list()).json()) as { items: Request[] };
    expect(later.items.filter((request) => request.overdue).map((r) => r.kind)).not.toContain(
      'opt_out',
    );
    expect(later.items.filter((request) => request.overdue).length).toBe(later.items.length - 1);
    t.clock.now = START;
    await expectError(await list('?status=lost'), 400);
    await expectError(await list('', OTHER_KEY), 403);
    await expectError(
      await list('', OTHER_KEY, requests(OTHER_ORGANIZATION_ID, DEMO_PROJECT_ID)),
      404,
    );
    const id = verified.items[0]!.id;
    await expectError(
      await api(`${requests(OTHER_ORGANIZATION_ID, DEMO_PROJECT_ID)}/${id}`, { key: OTHER_KEY }),
      404,
    );
    await expectError(
      await api(`${requests(OTHER_ORGANIZATION_ID, OTHER_PROJECT_ID)}/${id}`, { key: OTHER_KEY }),
      404,
    );
    await expectError(
      await api(`${requests(OTHER_ORGANIZATION_ID, OTHER_PROJECT_ID)}/${id}`, {
        key: OTHER_KEY,
        method: 'PATCH',
        body: { status: 'refused' },
      }),
      404,
    );
  });

  it('moves a request step by step with notes, each an audit entry, and refuses skipped steps', async () => {
    const { id, code } = await file(visitor, {
      kind: 'correct',
      email: 'ada@example.com',
      details: 'My name is Ada',
    });
    const patch = (body: unknown) => api(`${requests()}/${id}`, { method: 'PATCH', body });
    await expectError(await patch({ status: 'in_progress' }), 409);
    await expectError(await patch({ status: 'done' }), 400);
    expect((await site(`/${id}/verify`, visitor, { code })).status).toBe(200);
    expect((await patch({ status: 'in_progress', note: 'Looking' })).status).toBe(200);
    const done = await patch({ status: 'completed', note: 'Name corrected' });
    expect(await done.json()).toMatchObject({ status: 'completed', note: 'Name corrected' });
    await expectError(await patch({ status: 'refused' }), 409);
    const shown = (await (await api(`${requests()}/${id}`)).json()) as Request;
    expect(shown.history!.map((entry) => entry.action)).toEqual([
      'privacy_request.received',
      'privacy_request.verified',
      'privacy_request.in_progress',
      'privacy_request.completed',
    ]);
    expect(shown).not.toHaveProperty('codeHash');
  });

  it('completes a delete request by erasing the person, and the chains still verify', async () => {
    const imported = await api(
      `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}/consent-events`,
      {
        method: 'POST',
        body: {
          items: [
            {
              email: 'gone@example.com',
              label: 'newsletter',
              consentState: 'accepted',
              consentAction: 'import',
            },
            {
              email: 'stays@example.com',
              label: 'newsletter',
              consentState: 'accepted',
              consentAction: 'import',
            },
          ],
        },
      },
    );
    expect(imported.status).toBe(201);
    const { id, code } = await file(visitor, { kind: 'delete', email: 'Gone@example.com' });
    expect((await site(`/${id}/verify`, visitor, { code })).status).toBe(200);
    const done = await api(`${requests()}/${id}`, {
      method: 'PATCH',
      body: { status: 'completed' },
    });
    const body = (await done.json()) as Request & {
      erasure: { identifiers: Record<string, number> };
    };
    expect(body).toMatchObject({ status: 'completed', erasure: { identifiers: { email: 1 } } });
    expect(body.email).toBeUndefined();
    const people = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}/people/export`;
    const gone = (await (await api(`${people}?email=gone@example.com`)).json()) as Record<
      string,
      unknown[]
    >;
    expect(gone).toMatchObject({ identifiers: [], events: [], privacyRequests: [] });
    const stays = (await (await api(`${people}?email=stays@example.com`)).json()) as Record<
      string,
      unknown[]
    >;
    expect(stays.events).toHaveLength(1);
    const ada = (await (await api(`${people}?email=ada@example.com`)).json()) as Record<
      string,
      unknown[]
    >;
    expect(ada.privacyRequests!.length).toBeGreaterThanOrEqual(2);
    expect((await verifyChains(t.db)).broken).toBeUndefined();
  });
});
