import { describe, expect, it } from 'vitest';
import {
  decodeBase64Url,
  IDENTITY_TOKEN_MAX_LIFETIME_S,
  readIdentityClaims,
} from './identity-token.ts';

const NOW = new Date('2025-03-01T10:00:00.000Z');
const NOW_S = NOW.getTime() / 1000;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Any 32 bytes: the core does not check signatures, only that one is there. */
const SIGNATURE = 'A'.repeat(42) + 'E';

/** Unpadded base64url of a string's UTF-8 bytes (by hand: the core has no node or DOM types). */
function encode(text: string): string {
  const bytes = [...unescape(encodeURIComponent(text))].map((char) => char.charCodeAt(0));
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.ceil((Math.min(3, bytes.length - i) * 8) / 6);
    for (let j = 0; j < chars; j++) out += ALPHABET[(chunk >> (18 - 6 * j)) & 63];
  }
  return out;
}

function token(payload: unknown, header: unknown = { alg: 'HS256', typ: 'JWT' }) {
  return `${encode(JSON.stringify(header))}.${encode(JSON.stringify(payload))}.${SIGNATURE}`;
}

describe('decodeBase64Url', () => {
  it('decodes unpadded base64url and refuses other text', () => {
    expect(decodeBase64Url('')).toEqual([]);
    expect(decodeBase64Url('-_8')).toEqual([0xfb, 0xff]);
    expect(decodeBase64Url('aGk')).toEqual([104, 105]);
    expect(decodeBase64Url('aGk=')).toBeUndefined();
    expect(decodeBase64Url('a+b/')).toBeUndefined();
    expect(decodeBase64Url('abcde')).toBeUndefined();
  });
});

describe('readIdentityClaims', () => {
  it('reads the one identifier and exp of an HS256 token that lives at most 24 hours', () => {
    expect(
      readIdentityClaims(token({ email: ' ada@example.com', exp: NOW_S + 3600 }), NOW),
    ).toEqual({ kind: 'email', value: 'ada@example.com', exp: NOW_S + 3600 });
    expect(
      readIdentityClaims(
        token({ userId: 'ü-1', exp: NOW_S + IDENTITY_TOKEN_MAX_LIFETIME_S, iat: NOW_S }),
        NOW,
      ),
    ).toEqual({ kind: 'userId', value: 'ü-1', exp: NOW_S + IDENTITY_TOKEN_MAX_LIFETIME_S });
  });

  it.each([
    ['no string', 42, 'not a compact JWT'],
    ['two parts', 'a.b', 'not a compact JWT'],
    ['four parts', `${token({ userId: 'u', exp: NOW_S + 60 })}.x`, 'not a compact JWT'],
    ['a header that is not JSON', `${encode('{')}.${encode('{}')}.${SIGNATURE}`, 'JSON'],
    ['alg none', token({ userId: 'u', exp: NOW_S + 60 }, { alg: 'none' }), 'HS256'],
    ['alg RS256', token({ userId: 'u', exp: NOW_S + 60 }, { alg: 'RS256' }), 'HS256'],
    ['no signature', token({ userId: 'u', exp: NOW_S + 60 }).replace(/[^.]+$/, ''), 'HS256'],
    [
      'a payload that is an array',
      `${encode('{"alg":"HS256"}')}.${encode('[]')}.${SIGNATURE}`,
      'JSON',
    ],
    ['no identifier', token({ exp: NOW_S + 60 }), 'exactly one'],
    ['two identifiers', token({ userId: 'u', email: 'a@b.c', exp: NOW_S + 60 }), 'exactly one'],
    ['concordId only', token({ concordId: 'x', exp: NOW_S + 60 }), 'exactly one'],
    ['a blank identifier', token({ userId: '  ', exp: NOW_S + 60 }), 'userId'],
    ['a number identifier', token({ userId: 7, exp: NOW_S + 60 }), 'userId'],
    ['an over-long identifier', token({ userId: 'x'.repeat(321), exp: NOW_S + 60 }), 'userId'],
    ['no exp', token({ userId: 'u' }), 'exp'],
    ['exp as a string', token({ userId: 'u', exp: String(NOW_S + 60) }), 'exp'],
    ['an expired token', token({ userId: 'u', exp: NOW_S - 1 }), 'expired'],
    ['a token expiring now', token({ userId: 'u', exp: NOW_S }), 'expired'],
    [
      'a token living longer than 24 hours',
      token({ userId: 'u', exp: NOW_S + IDENTITY_TOKEN_MAX_LIFETIME_S + 1 }),
      'over 24 hours',
    ],
  ])('refuses %s', (_name, value, message) => {
    const result = readIdentityClaims(value, NOW);
    expect(typeof result).toBe('string');
    expect(result).toContain(message);
  });
});
