import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../crypto/canonical-json.ts';
import type { NewConsentEvent } from '../db/repositories/consent-events.ts';
import { NEW_EVENT } from '../testing/consent-event.ts';
import { linkText } from './chain.ts';

const base: NewConsentEvent = NEW_EVENT;

/** What linkText must equal: canonical JSON of the event without the members its version leaves out. */
function expected(event: NewConsentEvent): string {
  const copy: Record<string, unknown> = { ...event };
  const leftOut =
    event.chainVersion === 2
      ? ['userId', 'email', 'phoneNumber', 'projectUserId']
      : ['chainVersion', 'identifierCommitments'];
  for (const key of leftOut) delete copy[key];
  return canonicalJson(copy);
}

describe('linkText', () => {
  it.each<[string, NewConsentEvent]>([
    ['a version-1 event with identifiers in clear', { ...base, userId: 'u-1', email: 'a@b.c' }],
    [
      'a version-2 event with commitments, metadata, proof and a session',
      {
        ...base,
        email: 'a@b.c',
        chainVersion: 2,
        identifierCommitments: { email: 'cd'.repeat(32) },
        sessionId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
        surface: 'banner',
        subcategory: { z: 1, a: [2, { y: 'é', b: null }] },
        metadata: { b: 'x', a: 'y' },
        proof: { noticeHash: 'ef'.repeat(32), language: 'ar' } as NewConsentEvent['proof'],
        clientConsentDate: '2026-01-01T00:00:00.000Z',
      },
    ],
    ['a member left undefined', { ...base, surface: undefined, chainVersion: 2 }],
    [
      'a member no event has (the general path)',
      { ...base, prevHash: 'x', other: { b: 1, a: 2 } } as NewConsentEvent,
    ],
    ['quotes and control characters', { ...base, label: 'say "hi"\n\u2028' }],
  ])('is canonical JSON of what the chain covers: %s', (_name, event) => {
    expect(linkText(event)).toBe(expected(event));
  });
});
