import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { Database } from '../db/database.ts';
import { expectError } from '../testing/test-context.ts';

const unusedDb: Database = {
  query: () => Promise.reject(new Error('unused')),
  exec: () => Promise.reject(new Error('unused')),
  transaction: () => Promise.reject(new Error('unused')),
  close: () => Promise.resolve(),
};

describe('static files', () => {
  let dir: string;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'assent-static-'));
    await mkdir(join(dir, 'dist/chunks'), { recursive: true });
    await mkdir(join(dir, 'demo/shop'), { recursive: true });
    await writeFile(join(dir, 'dist/assent.js'), 'export {};');
    await writeFile(join(dir, 'dist/chunks/notice-1.js'), 'export {};');
    await writeFile(
      join(dir, 'dist/chunks/manager-AbC_12-z.js'),
      `export const x = '${'x'.repeat(2000)}';`,
    );
    await writeFile(join(dir, 'dist/logo.png'), new Uint8Array(2000));
    await writeFile(join(dir, 'demo/index.html'), '<!doctype html><title>Northwind</title>');
    await writeFile(join(dir, 'demo/shop/index.html'), '<!doctype html>');
    await writeFile(join(dir, 'demo/style.css'), 'body{}');
    await writeFile(join(dir, 'demo/logo.svg'), '<svg/>');
    await writeFile(join(dir, 'secret.txt'), 'secret');
    app = createApp({
      db: unusedDb,
      staticDirs: { assets: join(dir, 'dist'), site: join(dir, 'demo') },
    });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('serves the widget under /assent with CORS for every origin and no-cache', async () => {
    const response = await app.request('/assent/assent.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe('export {};');
    const chunk = await app.request('/assent/chunks/notice-1.js');
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('compresses text with brotli or gzip as accepted, varying by Accept-Encoding', async () => {
    const path = '/assent/chunks/manager-AbC_12-z.js';
    const plain = await (await app.request(path)).text();
    const br = await app.request(path, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(plain);
    const gzip = await app.request(path, { headers: { 'Accept-Encoding': 'gzip;q=1, br;q=0' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(plain);
    const none = await app.request(path, { headers: { 'Accept-Encoding': 'identity' } });
    expect(none.headers.get('content-encoding')).toBeNull();
    expect(await none.text()).toBe(plain);
    // Images are compressed already.
    const png = await app.request('/assent/logo.png', { headers: { 'Accept-Encoding': 'br' } });
    expect(png.headers.get('content-encoding')).toBeNull();
  });

  it('caches hashed chunks for a year, immutable, and revalidates the rest with an ETag', async () => {
    const chunk = await app.request('/assent/chunks/manager-AbC_12-z.js');
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const loader = await app.request('/assent/assent.js');
    expect(loader.headers.get('cache-control')).toBe('no-cache');
    const etag = loader.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await app.request('/assent/assent.js', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // An unhashed name in chunks/ is not taken for a hashed one.
    expect((await app.request('/assent/chunks/notice-1.js')).headers.get('cache-control')).toBe(
      'no-cache',
    );
  });

  it('serves a retry under /assent/r<n>/ as the file itself, with its headers', async () => {
    // The widget asks again under another path after a failed download, so that the chunks
    // the file imports get new URLs too (src/loader/rest.ts).
    const entry = await app.request('/assent/r1/assent.js');
    expect(entry.status).toBe(200);
    expect(await entry.text()).toBe('export {};');
    expect(entry.headers.get('cache-control')).toBe('no-cache');
    const chunk = await app.request('/assent/r12/chunks/manager-AbC_12-z.js');
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // Only `r` and up to two digits, once, in front.
    for (const path of [
      '/assent/r123/assent.js',
      '/assent/r1/r1/assent.js',
      '/assent/rx/assent.js',
    ])
      expect((await app.request(path)).status, path).toBe(404);
  });

  it('serves the demo site at / with index.html for folders and the right types', async () => {
    const home = await app.request('/');
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toContain('Northwind');
    expect((await app.request('/shop/')).status).toBe(200);
    expect((await app.request('/style.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect((await app.request('/logo.svg')).headers.get('content-type')).toBe('image/svg+xml');
    expect((await app.request('/')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers missing files and paths that climb out of the folder with the JSON 404', async () => {
    await expectError(await app.request('/missing.html'), 404);
    await expectError(await app.request('/assent/missing.js'), 404);
    await expectError(await app.request('/%2e%2e/secret.txt'), 404);
    await expectError(await app.request('/assent/..%2fsecret.txt'), 404);
    await expectError(await app.request('/%E0%A4%A'), 404);
  });
});
