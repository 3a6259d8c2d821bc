import { httpError } from './http-error.ts';

// Same pattern as ajv-formats' `uuid`, which checks the request bodies.
const UUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

export function isUuid(value: string | undefined): value is string {
  return value !== undefined && UUID.test(value);
}

/**
 * A path or query id, lowercased as PostgreSQL returns uuids. A malformed id is a 400 rather
 * than a 404: the client sent something that can never name anything.
 */
export function requireUuid(value: string | undefined, name: string): string {
  if (!isUuid(value)) throw httpError(400, `${name} must be a uuid`);
  return value.toLowerCase();
}
