import { describe, expect, it } from 'vitest';
import type { Decision } from '../core/types.ts';
import { writeDecisions } from './decisions.ts';
import { createMemoryStore } from './key-value-store.ts';

const decision = (state: Decision['state'], consentDate: string, eventId: string): Decision => ({
  label: 'analytics',
  consentType: 'id-analytics',
  version: 1,
  state,
  action: 'user_click',
  consentDate,
  expirationDate: '2027-01-01T00:00:00.000Z',
  eventId,
});

describe('writeDecisions', () => {
  it('keeps the later decision stored whichever of two tabs writes last (issue 22 §4)', async () => {
    const later = decision('declined', '2026-06-01T00:00:00.002Z', 'a');
    const earlier = decision('accepted', '2026-06-01T00:00:00.001Z', 'b');
    for (const order of [
      [later, earlier],
      [earlier, later],
    ]) {
      const store = createMemoryStore();
      await Promise.all(order.map((d) => writeDecisions('p', { analytics: d }, store)));
      expect((await store.get<Record<string, Decision>>('p:decisions'))?.analytics).toEqual(later);
    }
  });
});
