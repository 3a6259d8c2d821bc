import { describe, expect, it } from 'vitest';
import {
  insertedRecord,
  storedConsentEvent,
  type ChainedConsentEvent,
  type InsertedConsentEvent,
} from './consent-events.ts';
import { NEW_EVENT } from '../../testing/consent-event.ts';

const event: ChainedConsentEvent = {
  ...NEW_EVENT,
  sessionId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
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
