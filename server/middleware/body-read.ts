import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../http/app-env.ts';

/**
 * Reads a request's body, at most `maxSize` bytes, before the route runs. On Node it reads the
 * `IncomingMessage` itself: Hono's Node adapter makes its WHATWG `Request` lazily, but anything
 * that touches `c.req.raw.body` (as `hono/body-limit` does) makes the `Request` and a web stream
 * over the socket for every request, about a fifth of a single event's server time (issue 19's
 * profile). The text is kept in `c.var.bodyText` for `readJsonBody`. Without Node's request
 * (`app.request()` in tests) it is `hono/body-limit`, as before. A body over the limit gets
 * `onTooLarge`'s answer and the rest of it is left unread.
 */
export function readBody(
  maxSize: number,
  onTooLarge: (c: Context<AppEnv>) => Response | Promise<Response>,
): MiddlewareHandler<AppEnv> {
  const fallback = bodyLimit({ maxSize, onError: onTooLarge });
  return async (c, next) => {
    const incoming = c.env?.incoming;
    if (!incoming || typeof incoming.on !== 'function') return fallback(c, next);
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = incoming.headers['content-length'];
    if (declared !== undefined && !incoming.headers['transfer-encoding']) {
      if (Number(declared) > maxSize) return onTooLarge(c);
    }
    const text = await new Promise<string | undefined>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxSize) {
          incoming.off('data', onData);
          incoming.pause();
          resolve(undefined);
          return;
        }
        chunks.push(chunk);
      };
      incoming.on('data', onData);
      incoming.once('end', () =>
        resolve(
          chunks.length === 1
            ? chunks[0]!.toString('utf8')
            : Buffer.concat(chunks).toString('utf8'),
        ),
      );
      incoming.once('error', reject);
    });
    if (text === undefined) return onTooLarge(c);
    // As `Response.text()` decodes: a byte-order mark is not part of the text.
    c.set('bodyText', text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return next();
  };
}
