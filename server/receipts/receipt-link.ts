import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a visitor's receipt link opens their receipt. */
export const RECEIPT_LINK_MS = 60 * 60 * 1000;

interface ReceiptClaims {
  projectId: string;
  eventId: string;
  expiresAt: string;
}

const mac = (payload: string, secret: string) =>
  createHmac('sha256', secret).update(`receipt.v1.${payload}`).digest();

/**
 * A link token for one event's receipt: the preference center opens the printable page in a tab
 * of its own, which cannot send the visitor's Bearer token. Signed (no table), short-lived, and
 * good for that one event only; `receipt.v1.` keeps it from passing for a session token.
 */
export function signReceiptToken(claims: ReceiptClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${mac(payload, secret).toString('base64url')}`;
}

/** The claims of a live token this server signed, or `undefined`. */
export function readReceiptToken(
  token: string,
  secret: string,
  now: Date,
): ReceiptClaims | undefined {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length) return undefined;
  const expected = mac(payload, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as ReceiptClaims;
    if (typeof claims.projectId !== 'string' || typeof claims.eventId !== 'string')
      return undefined;
    if (!(now.getTime() < Date.parse(claims.expiresAt))) return undefined;
    return claims;
  } catch {
    return undefined;
  }
}
