import { randomBytes } from 'node:crypto';

/** A fresh bearer secret (session token, API key): 32 random bytes, base64url. */
export function createSecret(): string {
  return randomBytes(32).toString('base64url');
}
