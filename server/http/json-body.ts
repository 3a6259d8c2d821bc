import type { Context } from 'hono';
import type { AppEnv } from './app-env.ts';
import { httpError } from './http-error.ts';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
/** Nesting past this is no consent event; it would only exhaust the stack of recursive code. */
const MAX_DEPTH = 32;

/**
 * Why a parsed body cannot be stored as it is, or `undefined`. PostgreSQL refuses NUL in text
 * and `\u0000` in jsonb, and a lone surrogate would be stored as U+FFFD, so that what is kept
 * would differ from what was hashed: such bodies are refused up front as a 400 rather than
 * failing deep in the database as a 500.
 */
function refuseValue(value: unknown, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return `the body is nested deeper than ${MAX_DEPTH} levels`;
  if (typeof value === 'string') return refuseString(value);
  if (typeof value !== 'object' || value === null) return undefined;
  // Loops rather than `Object.entries(value).flat()`: no arrays made per object (issue 19).
  if (Array.isArray(value)) {
    for (const entry of value) {
      const refusal = refuseValue(entry, depth + 1);
      if (refusal) return refusal;
    }
    return undefined;
  }
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    const refusal = refuseString(key) ?? refuseValue(object[key], depth + 1);
    if (refusal) return refusal;
  }
  return undefined;
}

/** A lone surrogate makes a string not well formed (`String.prototype.isWellFormed`, ES2024). */
function refuseString(value: string): string | undefined {
  return value.includes('\u0000') ||
    !(value as unknown as { isWellFormed(): boolean }).isWellFormed()
    ? 'the body holds a NUL character or a lone surrogate'
    : undefined;
}

/**
 * The request's JSON body, or `undefined` when it is empty and untyped. A body (or a declared
 * type) that is not JSON is a 415; one that does not parse, or that the database could not store
 * faithfully, is a 400.
 */
export async function readJsonBody(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('content-type');
  const text = c.get('bodyText') ?? (await c.req.text());
  if (type === undefined && text.trim() === '') return undefined;
  if (!JSON_TYPE.test(type ?? '')) {
    throw httpError(415, 'the body must be sent as application/json');
  }
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw httpError(400, 'the body is not valid JSON');
  }
  const refusal = refuseValue(value);
  if (refusal) throw httpError(400, refusal);
  return value;
}
