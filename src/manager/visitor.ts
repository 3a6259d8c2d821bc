import type { Runtime } from '../runtime/runtime.ts';
import { writeVisitor } from '../storage/decisions.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A visitor secret: 32 random bytes (43 base64url characters), made in this browser. */
export function createVisitorSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let bits = 0;
  let buffer = 0;
  let out = '';
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += ALPHABET[(buffer >> bits) & 63];
    }
  }
  return out + (bits ? ALPHABET[(buffer << (6 - bits)) & 63] : '');
}

/**
 * Makes `visitorId` and `visitorSecret` the visitor's, in memory and in storage (the secret is
 * kept beside the id, issue 22 §1).
 */
export function adoptVisitor(runtime: Runtime, visitorId: string, visitorSecret: string): void {
  runtime.visitorId = visitorId;
  runtime.visitorSecret = visitorSecret;
  void writeVisitor(runtime.projectId, { visitorId, visitorSecret }, runtime.store).catch(() => {});
}

/**
 * The secret of the current visitor, made now for a visitor id stored before visitor secrets
 * (the server binds an id it has no secret for to the first secret a session presents).
 */
export function currentVisitorSecret(runtime: Runtime): string | undefined {
  if (runtime.visitorId && !runtime.visitorSecret) {
    adoptVisitor(runtime, runtime.visitorId, createVisitorSecret());
  }
  return runtime.visitorSecret;
}
