/**
 * The benchmark's web server, on loopback: every page is the same document with one widget's tags
 * spliced in, on one origin, so that no widget pays for a connection the others do not. Peer files
 * come from node_modules; Assent's files and its site API are proxied to the project's own server.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pages = join(root, 'bench/pages');

/** URL prefix → folder. */
const FOLDERS: Record<string, string> = {
  '/vendor/vanilla-cookieconsent/': join(root, 'node_modules/vanilla-cookieconsent/dist'),
  '/vendor/orejime/': join(root, 'node_modules/orejime/dist'),
  '/css/': join(root, 'demo/css'),
  '/img/': join(root, 'demo/img'),
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Widgets with a page in bench/pages/; `none` is the page alone. */
export const WIDGETS = ['none', 'assent', 'cookieconsent', 'orejime'] as const;
export type Widget = (typeof WIDGETS)[number];

/** The notice of each widget; `host >>> inner` looks inside a shadow root. */
export const NOTICE: Record<Widget, string> = {
  none: '',
  assent: '#assent-notice >>> .notice',
  cookieconsent: '#cc-main .cm',
  orejime: '.orejime-Banner',
};

/**
 * page.html with the widget's tags: what comes before `<!-- gated -->` in the widget's file goes
 * where the site's head scripts go, the rest (its gated analytics tag) at the end of the body.
 */
async function composePage(widget: Widget): Promise<string> {
  const [template, tags] = await Promise.all([
    readFile(join(pages, 'page.html'), 'utf8'),
    readFile(join(pages, `${widget}.html`), 'utf8'),
  ]);
  const [head, gated = ''] = tags.split('<!-- gated -->');
  return template.replace('<!-- widget -->', head!.trim()).replace('<!-- gated -->', gated.trim());
}

function fileFor(path: string): string | undefined {
  if (path === '/bench/analytics.js') return join(pages, 'analytics.js');
  for (const [prefix, folder] of Object.entries(FOLDERS)) {
    if (!path.startsWith(prefix)) continue;
    const file = resolve(folder, `.${path.slice(prefix.length - 1)}`);
    return file.startsWith(folder + sep) ? file : undefined;
  }
  return undefined;
}

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves the pages; `/assent/*` and `/site-v1/*` go to `assentOrigin`. */
export async function startPageServer(assentOrigin: string): Promise<PageServer> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const path = decodeURIComponent(url.pathname);
      // Uncompressed (the bench weighs files itself), and revalidated on every visit.
      const common = { 'Cache-Control': 'no-cache' };
      const page = /^\/bench\/([a-z]+)\.html$/.exec(path)?.[1] as Widget | undefined;
      if (page && WIDGETS.includes(page)) {
        response.writeHead(200, { ...common, 'Content-Type': TYPES['.html'] });
        return response.end(await composePage(page));
      }
      if (path.startsWith('/assent/') || path.startsWith('/site-v1/')) {
        const chunks: Buffer[] = [];
        for await (const chunk of request) chunks.push(chunk as Buffer);
        const headers = new Headers();
        for (const [name, value] of Object.entries(request.headers)) {
          if (typeof value === 'string' && name !== 'host' && name !== 'connection')
            headers.set(name, value);
        }
        const upstream = await fetch(assentOrigin + request.url, {
          method: request.method ?? 'GET',
          headers,
          ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
        });
        const out: Record<string, string | string[]> = {};
        upstream.headers.forEach((value, name) => {
          if (
            !['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(
              name,
            )
          )
            out[name] = value;
        });
        const cookies = upstream.headers.getSetCookie();
        if (cookies.length) out['set-cookie'] = cookies;
        response.writeHead(upstream.status, out);
        return response.end(Buffer.from(await upstream.arrayBuffer()));
      }
      const file = fileFor(path);
      const body = file ? await readFile(file).catch(() => undefined) : undefined;
      if (!body) {
        response.writeHead(404, common);
        return response.end();
      }
      response.writeHead(200, {
        ...common,
        'Content-Type': TYPES[extname(file!)] ?? 'application/octet-stream',
      });
      response.end(body);
    })().catch((error: unknown) => {
      console.error('bench page server:', request.url, error);
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
