import { createHash } from 'node:crypto';

/** The sha-256 (hex) under which a secret or a body is stored; the secret itself never is. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
