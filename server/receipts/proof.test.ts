import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeSnapshotText, snapshotTypes } from '../../src/core/proof.ts';
import type { NoticeSnapshot } from '../../src/core/types.ts';
import { verifyChains } from '../consent-events/chain-verification.ts';
import { verifyExport } from '../consent-events/export-verification.ts';
import { sha256 } from '../crypto/sha256.ts';
import { putApiKey } from '../db/repositories/api-keys.ts';
import { ensureOrganization } from '../db/repositories/organizations.ts';
import { ensureProject } from '../db/repositories/projects.ts';
import { DEMO_PROJECT, DEMO_CONSENT_TYPES } from '../projects/seed.ts';
import {
  countRows,
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  expectError,
  LOCAL_ORIGIN,
  openTestSession,
  postEvents,
  type TestContext,
  type TestSession,
} from '../testing/test-context.ts';
import { RECEIPT_CSP } from './receipt-page.ts';
import type { ConsentReceipt } from './receipt.ts';

const OTHER_ORGANIZATION_ID = '00000000-0000-4000-8000-0000000000ab';
const OTHER_PROJECT_ID = '00000000-0000-4000-8000-0000000000ef';
const OTHER_KEY = 'other-organization-key-17';
const base = (org = DEMO_ORGANIZATION_ID, project = DEMO_PROJECT_ID) =>
  `/privacy-v1/organizations/${org}/projects/${project}`;

const analytics = DEMO_CONSENT_TYPES.find((type) => type.label === 'analytics')!;
const french: NoticeSnapshot = {
  surface: 'notice',
  language: 'fr',
  // The demo project's own French texts: the server checks them.
  texts: { title: DEMO_PROJECT.texts.fr!.title, description: DEMO_PROJECT.texts.fr!.description },
  types: snapshotTypes([analytics]),
  buttons: ['rejectAll', 'acceptAll', 'customize'],
};
const hashOf = (snapshot: NoticeSnapshot) =>
  createHash('sha256').update(noticeSnapshotText(snapshot)).digest('hex');

describe('proof of what the person saw', () => {
  let t: TestContext;
  let visitor: TestSession;

  beforeAll(async () => {
    t = await createTestContext();
    await ensureOrganization(t.db, { id: OTHER_ORGANIZATION_ID, name: 'Other' });
    await ensureProject(t.db, {
      ...DEMO_PROJECT,
      id: OTHER_PROJECT_ID,
      organizationId: OTHER_ORGANIZATION_ID,
      name: 'Other shop',
      slug: 'other-shop-17',
    });
    await putApiKey(t.db, {
      id: randomUUID(),
      organizationId: OTHER_ORGANIZATION_ID,
      name: 'other',
      keyHash: sha256(OTHER_KEY),
    });
    visitor = await openTestSession(t.app);
  }, 60_000);
  afterAll(() => t.db.close());

  const item = (proof: unknown, extra: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    concordId: visitor.concordId,
    label: 'analytics',
    consentState: 'accepted',
    consentAction: 'user_click',
    proof,
    ...extra,
  });
  const get = (path: string, key = DEMO_API_KEY, accept = 'application/json') =>
    t.app.request(path, { headers: { 'x-api-key': key, accept } });

  async function expectRefused(body: unknown, status: number) {
    const events = await countRows(t.db, 'consent_events');
    const snapshots = await countRows(t.db, 'notice_snapshots');
    const message = await expectError(await postEvents(t.app, visitor.token, body), status);
    expect(await countRows(t.db, 'consent_events')).toBe(events);
    expect(await countRows(t.db, 'notice_snapshots')).toBe(snapshots);
    return message;
  }

  let acceptedId: string;

  it('stores the proof with the event and the snapshot once by hash', async () => {
    const hash = hashOf(french);
    const proof = { noticeHash: hash, language: 'fr', surface: 'notice', signals: { gpc: false } };
    const first = item({ ...proof, notice: french });
    acceptedId = first.id;
    const second = item(proof, { label: 'marketing', consentState: 'declined' });
    const response = await postEvents(t.app, visitor.token, { items: [first, second] });
    expect(response.status).toBe(201);
    // Seed 000's 201 items stay exactly seed 001's record: the proof is not in them.
    const body = (await response.json()) as { items: Record<string, unknown>[] };
    expect(body.items[0]).not.toHaveProperty('proof');
    // A later batch names the snapshot by hash alone.
    expect((await postEvents(t.app, visitor.token, { items: [item(proof)] })).status).toBe(201);
    expect(await countRows(t.db, 'notice_snapshots')).toBe(1);

    const listed = await get(`${base()}/consent-events?view=full&label=marketing`);
    const { items } = (await listed.json()) as { items: Record<string, unknown>[] };
    expect(items.at(-1)!.proof).toEqual(proof);

    const snapshot = await get(`${base()}/notice-snapshots/${hash}`);
    expect(snapshot.status).toBe(200);
    expect(await snapshot.json()).toMatchObject({ hash, content: french, problems: [] });
    expect((await verifyChains(t.db)).broken).toBeUndefined();
  });

  it('refuses a hash that is not the content’s, and a hash the project never received', async () => {
    const forged = item({ noticeHash: 'f'.repeat(64), notice: french });
    expect(await expectRefused({ items: [forged] }, 400)).toMatch(/noticeHash is not the SHA-256/);
    const other = { ...french, texts: { title: 'Autre' } };
    expect(await expectRefused({ items: [item({ noticeHash: hashOf(other) })] }, 422)).toMatch(
      /not a notice snapshot of this project/,
    );
    const wrongLanguage = item({ noticeHash: hashOf(french), language: 'de', notice: french });
    await expectRefused({ items: [wrongLanguage] }, 400);
    await expectRefused({ items: [item({ surface: 'banner' })] }, 400);
    await expectRefused({ items: [item({ tcString: 'x' })] }, 400);
  });

  it('flags a snapshot that disagrees with the project’s config instead of hiding it', async () => {
    const stale = { ...french, types: [{ ...french.types[0]!, version: 7 }] };
    const hash = hashOf(stale);
    const response = await postEvents(t.app, visitor.token, {
      items: [item({ noticeHash: hash, notice: stale, surface: 'notice' })],
    });
    expect(response.status).toBe(201);
    const snapshot = await (await get(`${base()}/notice-snapshots/${hash}`)).json();
    expect(snapshot.problems).toEqual(['type "analytics" is at version 1, not 7']);
  });

  it('covers the proof by the chain: an edited proof breaks verification', async () => {
    const tamper = (language: string) =>
      t.db.exec(`alter table consent_events disable trigger user;
        update consent_events set proof = jsonb_set(proof, '{language}', '"${language}"')
         where id = '${acceptedId}';
        alter table consent_events enable trigger user`);
    await tamper('de');
    expect((await verifyChains(t.db)).broken?.id).toBe(acceptedId);
    await tamper('fr');
    expect((await verifyChains(t.db)).broken).toBeUndefined();
  });

  it('exports the proof, and an export with it verifies on its own', async () => {
    const response = await get(`${base()}/consent-events`, DEMO_API_KEY, 'application/x-ndjson');
    const lines = (await response.text()).split('\n');
    expect(lines.some((line) => line.includes('"noticeHash"'))).toBe(true);
    expect((await verifyExport(lines)).broken).toBeUndefined();
  });

  it('fills the analytics’ language and surface from the proof', async () => {
    const response = await get(`${base()}/analytics?by=language`);
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).toContain('"fr"');
    const rows = await t.db.query<{ surface: string }>(
      `select distinct surface from consent_rollups where project_id = $1 and language = 'fr'`,
      [DEMO_PROJECT_ID],
    );
    expect(rows.rows.map((row) => row.surface)).toEqual(['notice']);
  });

  it('answers a receipt as JSON and as a printable page under a strict CSP', async () => {
    const response = await get(`${base()}/consent-events/${acceptedId}/receipt`);
    expect(response.status).toBe(200);
    const receipt = (await response.json()) as ConsentReceipt;
    expect(receipt.event.id).toBe(acceptedId);
    expect(receipt.notice?.content).toEqual(french);
    expect(receipt.chain.rowVerified).toBe(true);
    expect(sha256(`${receipt.chain.prevHash}\n${receipt.chain.content}`)).toBe(
      receipt.chain.rowHash,
    );
    const page = await get(
      `${base()}/consent-events/${acceptedId}/receipt`,
      DEMO_API_KEY,
      'text/html',
    );
    expect(page.headers.get('content-security-policy')).toBe(RECEIPT_CSP);
    const html = await page.text();
    expect(html).toContain('Votre vie privée');
    expect(html).toContain('lang="fr"');
    expect(html).not.toMatch(/<script|style=/);
    const css = await t.app.request('/receipt-v1/receipt.css');
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
  });

  it('keeps every route from another organization', async () => {
    const hash = hashOf(french);
    // Another organization's key on this organization's paths: 403.
    await expectError(await get(`${base()}/notice-snapshots/${hash}`, OTHER_KEY), 403);
    await expectError(await get(`${base()}/consent-events/${acceptedId}/receipt`, OTHER_KEY), 403);
    // Its own project's paths do not reach this project's rows: 404.
    const own = base(OTHER_ORGANIZATION_ID, OTHER_PROJECT_ID);
    await expectError(await get(`${own}/notice-snapshots/${hash}`, OTHER_KEY), 404);
    await expectError(await get(`${own}/consent-events/${acceptedId}/receipt`, OTHER_KEY), 404);
    // This project named under the other organization: 404.
    const mixed = base(OTHER_ORGANIZATION_ID, DEMO_PROJECT_ID);
    await expectError(await get(`${mixed}/notice-snapshots/${hash}`, OTHER_KEY), 404);
    await expectError(await get(`${base()}/notice-snapshots/nothex`), 400);
    await expectError(await get(`${base()}/consent-events/nope/receipt`), 400);
  });

  it('gives a visitor their own receipt and a link to its page, never another visitor’s', async () => {
    const own = (token: string, id: string, projectId = DEMO_PROJECT_ID) =>
      t.app.request(`/site-v1/${projectId}/consent-events/${id}/receipt`, {
        headers: { authorization: `Bearer ${token}`, origin: LOCAL_ORIGIN },
      });
    const response = await own(visitor.token, acceptedId);
    expect(response.status).toBe(200);
    const receipt = (await response.json()) as ConsentReceipt & { htmlUrl: string };
    expect(receipt.notice?.content.texts.title).toBe('Votre vie privée compte');
    const page = await t.app.request(new URL(receipt.htmlUrl).pathname);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(RECEIPT_CSP);
    expect(await page.text()).toContain('Votre vie privée');

    const stranger = await openTestSession(t.app);
    await expectError(await own(stranger.token, acceptedId), 404);
    await expectError(await own('forged', acceptedId), 401);
    const elsewhere = await openTestSession(t.app, {}, LOCAL_ORIGIN, OTHER_PROJECT_ID);
    await expectError(await own(elsewhere.token, acceptedId, OTHER_PROJECT_ID), 404);
    // A link is that event's only, signed, and expires.
    const [payload, signature] = new URL(receipt.htmlUrl).pathname.split('/').at(-1)!.split('.');
    await expectError(await t.app.request(`/receipt-v1/${payload}.${signature}x`), 404);
    t.clock.now = new Date(t.clock.now.getTime() + 2 * 60 * 60 * 1000);
    await expectError(await t.app.request(new URL(receipt.htmlUrl).pathname), 404);
  });
});
