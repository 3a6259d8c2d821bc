import { describe, expect, it } from 'vitest';
import {
  insertedRecord,
  storedConsentEvent,
  type ChainedConsentEvent,
  type InsertedConsentEvent,
} from './consent-events.ts';

const event: ChainedConsentEvent = {
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
  sessionId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
  bodyHash: 'ab'.repeat(32),
  createdAt: '2026-01-02T03:04:05.000Z',
  chainVersion: 2,
  prevHash: '',
  rowHash: 'cd'.repeat(32),
};

const back: InsertedConsentEvent['back'] = {
  seq: '7',
  session_ip_address: '203.0.113.9',
  session_domain: 'shop.example',
  session_geography: 'FR',
  session_user_agent: 'Mozilla/5.0',
};

describe('insertedRecord', () => {
  const cases: [string, InsertedConsentEvent][] = [
    ['a Site API event with its session', { event, back }],
    [
      'an event whose session has an IPv6 peer and no domain',
      { event, back: { ...back, session_ip_address: '2001:db8::1', session_domain: null } },
    ],
    [
      'an import without session, visitor or subcategory',
      {
        event: { ...event, sessionId: undefined, concordId: undefined, surface: 'import' },
        back: { ...back, session_ip_address: null, session_domain: null },
      },
    ],
    ['an event with a subcategory', { event: { ...event, subcategory: ['email'] }, back }],
  ];
  for (const [name, inserted] of cases) {
    it(`equals the stored form's record, members in the same order, for ${name}`, () => {
      const record = insertedRecord(inserted, new Map());
      expect(JSON.stringify(record)).toBe(JSON.stringify(storedConsentEvent(inserted).record));
    });
  }

  it('shares one session object among the records of a session', () => {
    const sessions = new Map();
    const first = insertedRecord({ event, back }, sessions);
    const second = insertedRecord({ event: { ...event, id: 'another' }, back }, sessions);
    expect(second.session).toBe(first.session);
  });
});
