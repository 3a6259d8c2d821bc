import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Handler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { handleNotFound } from './http-error.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticFilesOptions {
  /** Part of the URL path that is not in the folder (`/assent` for `/assent/X` → `dist/X`). */
  prefix?: string;
  /** Headers added to every file served. */
  headers?: Record<string, string>;
  /** @default node:fs/promises readFile */
  read?: (path: string) => Promise<Uint8Array>;
}

/**
 * Serves the files of one folder; `/` and paths ending in `/` mean their `index.html`. Paths that
 * would leave the folder, and files that are not there, are the app's 404.
 */
export function staticFiles(root: string, options: StaticFilesOptions = {}): Handler<AppEnv> {
  const base = resolve(root);
  const read = options.read ?? ((path: string) => readFile(path));
  return async (c) => {
    let path = c.req.path.slice(options.prefix?.length ?? 0);
    try {
      path = decodeURIComponent(path);
    } catch {
      return handleNotFound(c);
    }
    if (path.endsWith('/') || path === '') path += 'index.html';
    const file = resolve(base, `.${path}`);
    if (path.includes('\0') || !file.startsWith(base + sep)) return handleNotFound(c);
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return handleNotFound(c);
    }
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      ...options.headers,
    });
  };
}
