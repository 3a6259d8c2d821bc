import type { Context } from 'hono';
import { httpError } from './http-error.ts';

/**
 * The request's JSON body, or `undefined` when it is empty. A body that is not declared as JSON
 * is a 415; one that does not parse is a 400.
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw httpError(415, 'the body must be sent as application/json');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw httpError(400, 'the body is not valid JSON');
  }
}
