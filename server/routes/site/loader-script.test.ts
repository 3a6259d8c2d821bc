import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../../src/core/site-config.ts';
import type { SiteConfig } from '../../../src/core/types.ts';
import { ensureOrganization } from '../../db/repositories/organizations.ts';
import { ensureProject, updateProject } from '../../db/repositories/projects.ts';
import { DEMO_PROJECT } from '../../projects/seed.ts';
import {
  createTestContext,
  DEMO_PROJECT_ID,
  expectError,
  type TestContext,
} from '../../testing/test-context.ts';
import { IAB_STUBS_FILE, LOADER_CACHE_CONTROL, PROJECT_LOADER_FILE } from './loader-script.ts';

const OTHER_PROJECT_ID = '00000000-0000-4000-8000-0000000000e3';
const GPP_PROJECT_ID = '00000000-0000-4000-8000-0000000000e4';
const TCF_PROJECT_ID = '00000000-0000-4000-8000-0000000000e5';
const LOADER = '(function(){window.loaded=true})();';
/** The plain loader, which carries the IAB stubs itself. */
const PLAIN_LOADER = '(function(){window.loaded=true;window.plain=true})();';
const STUBS = '(function(){window.stubs=true})();';

interface Embed {
  projectId: string;
  assets: string;
  config: SiteConfig;
}

/** Runs the script as a browser would, and answers what it set on its `<script>`. */
function embedOf(source: string): Embed {
  return run(source).embed;
}

function run(source: string): { embed: Embed; stubs: boolean } {
  const script: { assentEmbed?: Embed } = {};
  const window: { loaded?: boolean; stubs?: boolean } = {};
  runInNewContext(source, { document: { currentScript: script }, window });
  expect(window.loaded).toBe(true);
  return { embed: script.assentEmbed!, stubs: window.stubs === true };
}

describe('GET /assent/{projectId}/assent.js', () => {
  let t: TestContext;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'assent-loader-'));
    await writeFile(join(dir, 'assent.js'), PLAIN_LOADER);
    await writeFile(join(dir, PROJECT_LOADER_FILE), LOADER);
    await writeFile(join(dir, IAB_STUBS_FILE), STUBS);
    t = await createTestContext({
      geoHeader: 'CF-IPCountry',
      staticDirs: { assets: dir, site: dir },
    });
    // Another organization's project, with a name of its own.
    await ensureOrganization(t.db, {
      id: '00000000-0000-4000-8000-0000000000e1',
      name: 'Other',
      slug: 'other',
    });
    await ensureProject(t.db, {
      ...DEMO_PROJECT,
      id: OTHER_PROJECT_ID,
      organizationId: '00000000-0000-4000-8000-0000000000e1',
      name: 'Other Shop',
      slug: 'other-shop',
    });
    for (const [id, slug] of [
      [GPP_PROJECT_ID, 'gpp-shop'],
      [TCF_PROJECT_ID, 'tcf-shop'],
    ] as const)
      await ensureProject(t.db, { ...DEMO_PROJECT, id, name: slug, slug });
    await updateProject(t.db, GPP_PROJECT_ID, { gpp: { enabled: true, sections: ['usnat'] } });
    await updateProject(t.db, TCF_PROJECT_ID, {
      tcf: {
        enabled: true,
        cmpId: 4095,
        cmpVersion: 1,
        publisherCountryCode: 'DE',
        vendors: [1],
        purposes: [1],
        specialFeatures: [],
        legitimateInterestPurposes: [],
        googleAcProviders: [],
      },
    });
  }, 60_000);
  afterAll(async () => {
    await t.db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const url = `/assent/${DEMO_PROJECT_ID}/assent.js`;

  it('is the loader with the project config site-client answers, set on its script first', async () => {
    const response = await t.app.request(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe(LOADER_CACHE_CONTROL);
    expect(response.headers.get('vary')).toBe('Sec-GPC, cf-ipcountry, Accept-Encoding');
    const text = await response.text();
    expect(text.endsWith(LOADER)).toBe(true);
    const embed = embedOf(text);
    const fetched = await (await t.app.request(`/site-v1/${DEMO_PROJECT_ID}/site-client`)).json();
    expect(embed).toEqual({ projectId: DEMO_PROJECT_ID, assets: '../', config: fetched });
    expect(parseSiteConfig(embed.config)).toEqual(embed.config);
  });

  it('puts the IAB stubs in front of the loader only for a project that enables the TCF or GPP, wherever the visitor is', async () => {
    const plain = await (await t.app.request(url)).text();
    expect(plain.startsWith(STUBS)).toBe(false);
    expect(run(plain).stubs).toBe(false);
    for (const id of [GPP_PROJECT_ID, TCF_PROJECT_ID])
      for (const country of ['US', 'DE', 'JP']) {
        const text = await (
          await t.app.request(`/assent/${id}/assent.js`, { headers: { 'CF-IPCountry': country } })
        ).text();
        expect(text.startsWith(`${STUBS}\n`), `${id} ${country}`).toBe(true);
        expect(text.endsWith(LOADER)).toBe(true);
        const { embed, stubs } = run(text);
        expect(stubs).toBe(true);
        expect(embed.projectId).toBe(id);
      }
  });

  it('follows the geography, ?region= and Global Privacy Control like site-client', async () => {
    const de = embedOf(
      await (await t.app.request(url, { headers: { 'CF-IPCountry': 'DE' } })).text(),
    );
    expect(de.config).toMatchObject({ geography: 'DE', policy: 'opt-in', gpc: false });
    const region = embedOf(await (await t.app.request(`${url}?region=US-CA`)).text());
    expect(region.config.geography).toBe('US-CA');
    const gpc = embedOf(await (await t.app.request(url, { headers: { 'Sec-GPC': '1' } })).text());
    expect(gpc.config.gpc).toBe(true);
  });

  it('answers 304 to its own ETag, and a new ETag once the config changes', async () => {
    const first = await t.app.request(url);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await t.app.request(url, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe(LOADER_CACHE_CONTROL);
    expect(await again.text()).toBe('');
    const elsewhere = await t.app.request(url, {
      headers: { 'If-None-Match': etag, 'CF-IPCountry': 'US' },
    });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.headers.get('etag')).not.toBe(etag);
  });

  it('is compressed with brotli or gzip when the browser accepts it', async () => {
    const plain = await (await t.app.request(url)).text();
    const br = await t.app.request(url, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Sec-GPC, cf-ipcountry, Accept-Encoding');
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(brBody.length).toBeLessThan(Buffer.byteLength(plain));
    expect(brotliDecompressSync(brBody).toString()).toBe(plain);
    const gzip = await t.app.request(url, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(plain);
  });

  it("carries each project's own config only, whichever organization it belongs to", async () => {
    const other = embedOf(
      await (await t.app.request(`/assent/${OTHER_PROJECT_ID}/assent.js`)).text(),
    );
    expect(other.projectId).toBe(OTHER_PROJECT_ID);
    expect(other.config).toMatchObject({ projectId: OTHER_PROJECT_ID, name: 'Other Shop' });
    const demo = embedOf(await (await t.app.request(url)).text());
    expect(demo.config.name).toBe('Northwind Coffee');
    expect(JSON.stringify(demo)).not.toContain(OTHER_PROJECT_ID);
    expect(JSON.stringify(demo)).not.toContain('Other Shop');
  });

  it('answers an unknown project with the JSON 404, and leaves other paths to the files', async () => {
    await expectError(
      await t.app.request('/assent/00000000-0000-4000-8000-00000000dead/assent.js'),
      404,
    );
    // Not a project id: a path among the widget's files, missing here.
    await expectError(await t.app.request('/assent/chunks/assent.js'), 404);
    // The plain loader, with its own stubs, is still served as it is.
    expect(await (await t.app.request('/assent/assent.js')).text()).toBe(PLAIN_LOADER);
  });
});
