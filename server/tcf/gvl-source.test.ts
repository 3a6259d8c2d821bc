import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listGvlVersions } from '../db/repositories/gvl-documents.ts';
import { startGvlServer, type GvlServer } from '../testing/gvl-server.ts';
import {
  countRows,
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  expectError,
  START,
  type TestContext,
} from '../testing/test-context.ts';
import { createGvlSource, maxAgeSeconds } from './gvl-source.ts';

const PROJECT = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}`;
const LIST = `/site-v1/${DEMO_PROJECT_ID}/vendor-list`;

interface Served {
  vendorListVersion: number;
  language: string;
  purposes: Record<string, { name: string }>;
  vendors: Record<string, { id: number; name: string }>;
}

describe('the Global Vendor List (issue 20)', () => {
  let t: TestContext;
  let gvl: GvlServer;
  const errors: unknown[] = [];
  beforeAll(async () => {
    gvl = await startGvlServer();
    t = await createTestContext({ gvl: { url: gvl.url }, logError: (e) => errors.push(e) });
  }, 60_000);
  afterAll(async () => {
    await t.db.close();
    await gvl.close();
  });

  const enable = (vendors: number[]) =>
    t.app.request(PROJECT, {
      method: 'PATCH',
      headers: { 'x-api-key': DEMO_API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ tcf: { enabled: true, cmpId: 4095, vendors, purposes: [1, 2] } }),
    });
  const served = async (query = '') => {
    const response = await t.app.request(`${LIST}${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as Served;
  };

  it('answers 404 for a project without TCF, and asks the IAB nothing for it', async () => {
    await expectError(await t.app.request(LIST), 404);
    expect(gvl.requests).toEqual([]);
  });

  it("serves the project's vendors only, fetched once and kept by version", async () => {
    expect((await enable([1, 3, 12, 999])).status).toBe(200);
    const list = await served();
    expect(Object.keys(list.vendors)).toEqual(['1', '3', '12']);
    expect(list).toMatchObject({ vendorListVersion: 142, language: 'en' });
    expect(list.purposes['1']!.name).toBe('Store and/or access information on a device');
    await served();
    expect(gvl.requests).toEqual(['/v3/vendor-list.json']);
    expect(await listGvlVersions(t.db)).toEqual([142]);
  });

  it("translates the declarations from the IAB's purposes-xx file, English when there is none", async () => {
    const french = await served('?language=fr');
    expect(french.language).toBe('fr');
    expect(french.purposes['1']!.name).toBe(
      'Stocker et/ou accéder à des informations sur un appareil',
    );
    expect(Object.keys(french.vendors)).toEqual(['1', '3', '12']);
    const japanese = await served('?language=ja');
    expect(japanese.language).toBe('en');
    expect(japanese.purposes['1']!.name).toBe('Store and/or access information on a device');
    await served('?language=fr');
    expect(gvl.requests.filter((path) => path.includes('purposes-'))).toEqual([
      '/v3/purposes-fr.json',
      '/v3/purposes-ja.json',
    ]);
  });

  it('asks again when Cache-Control says, keeps both versions, and serves the last on failure', async () => {
    const source = createGvlSource({
      db: t.db,
      url: gvl.url,
      now: () => clock,
      logError: () => {},
    });
    let clock = new Date(START.getTime() + 10 * 24 * 3600 * 1000);
    gvl.requests.length = 0;
    gvl.cacheControl = 'public, max-age=60';
    expect((await source.vendorList())?.vendorListVersion).toBe(142);
    clock = new Date(clock.getTime() + 30_000);
    await source.vendorList();
    expect(gvl.requests).toEqual(['/v3/vendor-list.json']);
    gvl.edit = (list) => ({ ...list, vendorListVersion: 143 });
    clock = new Date(clock.getTime() + 31_000);
    expect((await source.vendorList())?.vendorListVersion).toBe(143);
    expect(await listGvlVersions(t.db)).toEqual([143, 142]);
    gvl.down = true;
    clock = new Date(clock.getTime() + 61_000);
    expect((await source.vendorList())?.vendorListVersion).toBe(143);
    // A restarted server with the IAB down serves the stored list.
    const restarted = createGvlSource({
      db: t.db,
      url: gvl.url,
      now: () => clock,
      logError: () => {},
    });
    expect((await restarted.vendorList())?.vendorListVersion).toBe(143);
    gvl.down = false;
    gvl.edit = undefined;
  });

  it('refuses a document that is not GVL v3 and stores nothing of it', async () => {
    const rows = await countRows(t.db, 'gvl_documents');
    const fresh = await createTestContext({
      gvl: { url: gvl.url },
      logError: (e) => errors.push(e),
    });
    try {
      gvl.edit = (list) => ({ ...list, gvlSpecificationVersion: 2 });
      await fresh.app.request(PROJECT, {
        method: 'PATCH',
        headers: { 'x-api-key': DEMO_API_KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ tcf: { enabled: true, cmpId: 4095, vendors: [1] } }),
      });
      await expectError(await fresh.app.request(LIST), 503);
      expect(await countRows(fresh.db, 'gvl_documents')).toBe(0);
      expect(String(errors.at(-1))).toMatch(/gvlSpecificationVersion/);
    } finally {
      gvl.edit = undefined;
      await fresh.db.close();
    }
    expect(await countRows(t.db, 'gvl_documents')).toBe(rows);
  }, 60_000);

  it('reads max-age, s-maxage, no-store and Expires', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(maxAgeSeconds(new Headers({ 'cache-control': 'public, max-age=604800' }), at)).toBe(
      604800,
    );
    expect(maxAgeSeconds(new Headers({ 'cache-control': 's-maxage=10' }), at)).toBe(10);
    expect(maxAgeSeconds(new Headers({ 'cache-control': 'no-store' }), at)).toBe(0);
    expect(maxAgeSeconds(new Headers({ expires: 'Thu, 01 Jan 2026 00:10:00 GMT' }), at)).toBe(600);
    expect(maxAgeSeconds(new Headers(), at)).toBe(3600);
  });
});
