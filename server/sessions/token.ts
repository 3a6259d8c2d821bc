import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a session token vouches for; the server needs no lookup to trust it. */
export interface SessionClaims {
  sessionId: string;
  projectId: string;
  concordId: string;
  /** The page origin the session was opened from; the token is refused from any other. */
  origin: string;
  /** Expiry, ISO 8601. */
  expiresAt: string;
}

const VERSION = 'v1';

function mac(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(`${VERSION}.${payload}`).digest();
}

/**
 * `v1.<claims>.<hmac>`: the claims in base64url JSON, signed with HMAC-SHA-256. Signed rather
 * than looked up so that every instance behind a load balancer can check a token with only the
 * shared secret, and so that a forged or foreign token costs no database work.
 */
export function signSessionToken(claims: SessionClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${VERSION}.${payload}.${mac(payload, secret).toString('base64url')}`;
}

/** The claims of a token this server signed, or `undefined` for anything else. */
export function readSessionToken(token: string, secret: string): SessionClaims | undefined {
  const [version, payload, signature, ...rest] = token.split('.');
  if (version !== VERSION || !payload || !signature || rest.length > 0) return undefined;
  const expected = mac(payload, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SessionClaims;
    const fields = [
      claims.sessionId,
      claims.projectId,
      claims.concordId,
      claims.origin,
      claims.expiresAt,
    ];
    return fields.every((field) => typeof field === 'string') ? claims : undefined;
  } catch {
    return undefined;
  }
}
