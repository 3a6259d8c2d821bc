import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../../src/core/site-config.ts';
import type { SiteConfig } from '../../../src/core/types.ts';
import { ensureOrganization } from '../../db/repositories/organizations.ts';
import { ensureProject } from '../../db/repositories/projects.ts';
import { DEMO_PROJECT } from '../../projects/seed.ts';
import {
  createTestContext,
  DEMO_PROJECT_ID,
  expectError,
  type TestContext,
} from '../../testing/test-context.ts';
import { LOADER_CACHE_CONTROL } from './loader-script.ts';

const OTHER_PROJECT_ID = '00000000-0000-4000-8000-0000000000e3';
const LOADER = '(function(){window.loaded=true})();';

interface Embed {
  projectId: string;
  assets: string;
  config: SiteConfig;
}

/** Runs the script as a browser would, and answers what it set on its `<script>`. */
function embedOf(source: string): Embed {
  const script: { assentEmbed?: Embed } = {};
  const window: { loaded?: boolean } = {};
  runInNewContext(source, { document: { currentScript: script }, window });
  expect(window.loaded).toBe(true);
  return script.assentEmbed!;
}

describe('GET /assent/{projectId}/assent.js', () => {
  let t: TestContext;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'assent-loader-'));
    await writeFile(join(dir, 'assent.js'), LOADER);
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
    // The plain loader is still served as it is.
    expect(await (await t.app.request('/assent/assent.js')).text()).toBe(LOADER);
  });
});
