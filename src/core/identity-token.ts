/**
 * The claims of an identity token, `assent.identify({ token })` (issue 22 §1): a compact JWT
 * (RFC 7519) signed HS256 with the project's identity secret by the site's backend, which alone
 * knows who is logged in. This module reads and checks the claims; only the server, which holds
 * the secret, can check the signature (`server/people/identity-token.ts`). The widget checks the
 * claims first so that a token the server is sure to refuse is not sent.
 */
import { PERSON_IDENTIFIERS, type PersonIdentifier } from './identifiers.ts';

/** The longest an identity token may live, in seconds: `exp` is at most 24 hours ahead. */
export const IDENTITY_TOKEN_MAX_LIFETIME_S = 86_400;

/** The longest identifier value a token may carry (an email address's limit, RFC 5321). */
const MAX_VALUE_LENGTH = 320;

/** What an identity token vouches for. */
export interface IdentityClaims {
  /** Which identifier the site names the person by. */
  kind: PersonIdentifier;
  value: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The bytes of unpadded base64url text, or `undefined` when it is not that. */
export function decodeBase64Url(text: string): number[] | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  const bytes: number[] = [];
  let bits = 0;
  let buffer = 0;
  for (const char of text) {
    buffer = (buffer << 6) | ALPHABET.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

/** A base64url JSON object (a JWT's header or payload), or `undefined`. */
function decodeJsonObject(text: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64Url(text);
  if (!bytes) return undefined;
  try {
    // UTF-8 by percent-decoding: the core has no TextDecoder (no DOM or node types); this
    // throws on malformed UTF-8, as it should.
    const json = decodeURIComponent(
      bytes.map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''),
    );
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The claims of an identity token at `now`, or why it is refused: a compact JWT whose header
 * says `HS256` (never `none`), with exactly one of {@link PERSON_IDENTIFIERS} as a non-blank
 * string and an `exp` after now and at most {@link IDENTITY_TOKEN_MAX_LIFETIME_S} ahead. The
 * signature is not checked here.
 */
export function readIdentityClaims(token: unknown, now: Date): IdentityClaims | string {
  // Short refusals: they ship in the widget, after "identity token: ".
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 3) return 'not a compact JWT';
  const [headerText, payloadText, signature] = parts as [string, string, string];
  const header = decodeJsonObject(headerText);
  const payload = decodeJsonObject(payloadText);
  if (!header || !payload) return 'not base64url JSON';
  // HMAC-SHA-256 is 32 bytes: 43 base64url characters.
  if (header.alg !== 'HS256' || signature.length !== 43 || !decodeBase64Url(signature)) {
    return 'not signed with HS256';
  }
  const kinds = PERSON_IDENTIFIERS.filter((kind) => payload[kind] !== undefined);
  if (kinds.length !== 1) return `needs exactly one of ${PERSON_IDENTIFIERS.join(', ')}`;
  const kind = kinds[0]!;
  const value = payload[kind];
  if (typeof value !== 'string' || !value.trim() || value.length > MAX_VALUE_LENGTH) {
    return `${kind} must be 1 to ${MAX_VALUE_LENGTH} characters`;
  }
  const exp = payload.exp;
  const seconds = now.getTime() / 1000;
  if (typeof exp !== 'number' || !(exp > seconds)) return 'expired or without exp';
  if (exp > seconds + IDENTITY_TOKEN_MAX_LIFETIME_S) return 'exp is over 24 hours ahead';
  return { kind, value: value.trim(), exp };
}
