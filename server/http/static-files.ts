import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Handler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { compressedBody } from './compressed-body.ts';
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

/** A built chunk whose name ends in its content hash (`chunks/x-AbC123_-.js`, `i18n/de-….js`). */
export const HASHED_FILE = /^\/(?:chunks|i18n)\/[^/]+-[A-Za-z0-9_-]{8}\.js$/;
/**
 * A retry's path: the widget asks for a file that did not download again under `r<n>/`, so that
 * the files it imports get new URLs too (a page keeps a URL's failure for its life).
 */
export const RETRY_PATH = /^\/r\d{1,2}(?=\/)/;
/** For files that never change under their name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface StaticFilesOptions {
  /** Part of the URL path that is not in the folder (`/assent` for `/assent/X` → `dist/X`). */
  prefix?: string;
  /** Headers added to every file served. */
  headers?: Record<string, string>;
  /**
   * `Cache-Control` per file (its path inside the folder), over `headers`' one: long-lived for
   * files whose names carry a content hash.
   */
  cacheControl?: (path: string) => string | undefined;
  /** @default node:fs/promises readFile */
  read?: (path: string) => Promise<Uint8Array>;
  /**
   * A first part of the path that names no folder and is dropped (`/r2/chunks/x.js` is
   * `/chunks/x.js`): the widget's retries (src/loader/rest.ts).
   */
  alias?: RegExp;
}

/**
 * Serves the files of one folder; `/` and paths ending in `/` mean their `index.html`. Paths that
 * would leave the folder, and files that are not there, are the app's 404. Text is sent brotli-
 * or gzip-compressed when the client accepts it, every file with an `ETag` (`304` on a match).
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
    if (options.alias) path = path.replace(options.alias, '');
    if (path.endsWith('/') || path === '') path += 'index.html';
    const file = resolve(base, `.${path}`);
    if (path.includes('\0') || !file.startsWith(base + sep)) return handleNotFound(c);
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return handleNotFound(c);
    }
    const cacheControl = options.cacheControl?.(path);
    return compressedBody(c, body, {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      ...options.headers,
      ...(cacheControl && { 'Cache-Control': cacheControl }),
    });
  };
}
