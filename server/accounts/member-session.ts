import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Queryable } from '../db/database.ts';
import { findSessionMember, type Member } from '../db/repositories/members.ts';
import { sha256 } from '../crypto/sha256.ts';

/** The console's cookie: `HttpOnly; SameSite=Strict`, `Secure` on https. */
export const SESSION_COOKIE = 'assent_session';
/** A member's session lasts a working day; logging in again makes a new one. */
export const MEMBER_SESSION_MS = 12 * 60 * 60 * 1000;
/** Session tokens are told from API keys by this prefix. */
export const MEMBER_TOKEN_PREFIX = 'asm_';

/** The token a request carries and where: `Authorization: Bearer` or the console's cookie. */
export function memberToken(c: Context): { token: string; viaCookie: boolean } | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer) return { token: bearer, viaCookie: false };
  const cookie = getCookie(c, SESSION_COOKIE);
  return cookie ? { token: cookie, viaCookie: true } : undefined;
}

/** The member a session token signs in, while it has not expired. */
export function findTokenMember(
  db: Queryable,
  token: string,
  now: Date,
): Promise<(Member & { expiresAt: string }) | undefined> {
  if (!token.startsWith(MEMBER_TOKEN_PREFIX)) return Promise.resolve(undefined);
  return findSessionMember(db, sha256(token), now.toISOString());
}

/**
 * Whether a cookie-authenticated write comes from a page of this server (issue 14: no CSRF).
 * `SameSite=Strict` already keeps the cookie off other sites' requests; the `Origin` check also
 * covers same-site origins (another port or subdomain) and browsers without SameSite.
 */
export function isSameOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  if (!origin) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return host === (c.req.header('host') ?? new URL(c.req.url).host);
}
