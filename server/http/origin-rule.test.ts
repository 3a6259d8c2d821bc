import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, LOOPBACK } from './origin-rule.ts';

describe('isAllowedOrigin', () => {
  it('allows loopback origins on any port under the loopback rule', () => {
    for (const origin of ['http://localhost:3000', 'https://127.0.0.1', 'http://[::1]:1']) {
      expect(isAllowedOrigin(origin, [LOOPBACK]), origin).toBe(true);
    }
  });

  it('refuses look-alikes, other schemes and things that are not origins', () => {
    for (const origin of [
      'http://localhost.example.com',
      'http://127.0.0.1.nip.io',
      'ws://localhost:3000',
      'http://localhost:3000/path',
      'null',
      '',
    ]) {
      expect(isAllowedOrigin(origin, [LOOPBACK]), origin).toBe(false);
    }
  });

  it('allows exact origins only under an exact rule', () => {
    expect(isAllowedOrigin('https://shop.example', ['https://shop.example'])).toBe(true);
    expect(isAllowedOrigin('https://shop.example:8443', ['https://shop.example'])).toBe(false);
    expect(isAllowedOrigin('http://shop.example', ['https://shop.example'])).toBe(false);
    expect(isAllowedOrigin('http://localhost:3000', ['https://shop.example'])).toBe(false);
  });
});
