import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../crypto/canonical-json.ts';
import type { NewConsentEvent } from '../db/repositories/consent-events.ts';
import { linkText } from './chain.ts';

const base: NewConsentEvent = {
  id: '0b6a2c1e-8f4d-4a51-9a0e-2f1d7c3b9e10',
  projectId: '5f0c3c52-6a2c-4f0e-8d2b-1f6a9b7d4e21',
  organizationId: '9d3e1f2a-4b5c-4d6e-8f7a-0b1c2d3e4f50',
  concordId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  consentTypeId: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e',
  version: 3,
  category: 'analytics',
  label: 'analytics',
  consentState: 'accepted',
  consentAction: 'user_click',
  consentDate: '2026-01-02T03:04:05.000Z',
  expirationDate: '2027-01-02T03:04:05.000Z',
  bodyHash: 'ab'.repeat(32),
  createdAt: '2026-01-02T03:04:05.000Z',
};

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
