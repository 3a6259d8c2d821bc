import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  IDENTITY_TOKEN_MAX_LIFETIME_S,
  readIdentityClaims,
  type IdentityClaims,
} from '../../src/core/identity-token.ts';
import type { PersonIdentifier } from '../../src/core/identifiers.ts';

const mac = (unsigned: string, secret: string) =>
  createHmac('sha256', secret).update(unsigned).digest();

/**
 * The claims of an identity token signed HS256 with `secret` (the project's identity secret),
 * or why it is refused: a wrong or missing signature, `alg` other than `HS256`, or claims the
 * rules refuse (`src/core/identity-token.ts`). The signature is compared in constant time.
 */
export function verifyIdentityToken(
  token: string,
  secret: string,
  now: Date,
): IdentityClaims | string {
  const claims = readIdentityClaims(token, now);
  if (typeof claims === 'string') return `identity token: ${claims}`;
  const last = token.lastIndexOf('.');
  const expected = mac(token.slice(0, last), secret);
  const given = Buffer.from(token.slice(last + 1), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return "the identity token is not signed with this project's identity secret";
  }
  return claims;
}

/**
 * An identity token as a site's backend makes one (the README shows the same in a few lines):
 * the demo's login and the tests use it. `lifetimeS` is capped at 24 hours by the rules.
 */
export function signIdentityToken(
  identifier: { kind: PersonIdentifier; value: string },
  secret: string,
  now: Date,
  lifetimeS = 3600,
): string {
  const exp = Math.floor(now.getTime() / 1000) + Math.min(lifetimeS, IDENTITY_TOKEN_MAX_LIFETIME_S);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ [identifier.kind]: identifier.value, exp })}`;
  return `${unsigned}.${mac(unsigned, secret).toString('base64url')}`;
}
