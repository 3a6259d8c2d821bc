import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import type { AppEnv } from './app-env.ts';

/** Types worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript)|image\/svg\+xml)/;

interface Encoded {
  etag: string;
  identity: Uint8Array;
  br?: Uint8Array;
  gzip?: Uint8Array;
}

/**
 * Bodies compressed once each (brotli at quality 11, gzip at 9), by content hash: the widget's
 * files and the per-project loaders are few and small, and compressing them on every request
 * would cost more CPU than the request itself. Bounded, oldest first out.
 */
const encoded = new Map<string, Encoded>();
const MAX_ENTRIES = 2000;

function encode(body: Uint8Array): Encoded {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  let entry = encoded.get(hash);
  if (entry) return entry;
  entry = { etag: `"${hash}"`, identity: body };
  if (encoded.size >= MAX_ENTRIES) encoded.delete(encoded.keys().next().value!);
  encoded.set(hash, entry);
  return entry;
}

/** `br` over `gzip` over nothing, by what the client accepts (a `q=0` refuses). */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, q]) => !q || !/^\s*q\s*=\s*0(?:\.0*)?\s*$/.test(q))
      .map(([name]) => name),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return undefined;
}

/**
 * Answers `body` with an `ETag` (a `304` when `If-None-Match` matches), compressed with brotli
 * or gzip when the client accepts it and the type is text (`Vary: Accept-Encoding` either way).
 */
export function compressedBody(
  c: Context<AppEnv>,
  body: Uint8Array,
  headers: Record<string, string>,
): Response {
  const entry = encode(body);
  const type = headers['Content-Type'] ?? '';
  const compressible = COMPRESSIBLE.test(type) && body.length > 256;
  const out: Record<string, string> = { ...headers, ETag: entry.etag };
  if (compressible)
    out['Vary'] = headers['Vary'] ? `${headers['Vary']}, Accept-Encoding` : 'Accept-Encoding';
  const match = c.req.header('if-none-match');
  if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === entry.etag))
    return c.body(null, 304, out);
  const encoding = compressible ? pickEncoding(c.req.header('accept-encoding')) : undefined;
  if (encoding === 'br') {
    entry.br ??= brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    return c.body(new Uint8Array(entry.br), 200, { ...out, 'Content-Encoding': 'br' });
  }
  if (encoding === 'gzip') {
    entry.gzip ??= gzipSync(body, { level: 9 });
    return c.body(new Uint8Array(entry.gzip), 200, { ...out, 'Content-Encoding': 'gzip' });
  }
  return c.body(new Uint8Array(body), 200, out);
}
