import { createHash, randomBytes } from 'node:crypto';

/** A fresh bearer secret (session token, API key): 32 random bytes, base64url. */
export function createSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The sha-256 (hex) under which a secret or a body is stored; the secret itself never is. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
