import { describe, expect, it } from 'vitest';
import type { NewConsentEvent } from '../db/repositories/consent-events.ts';
import { rollupCounts } from './outcome.ts';

const event = (
  sessionId: string,
  label: string,
  consentState: string,
  createdAt = '2026-01-02T03:04:05.000Z',
): NewConsentEvent => ({
  id: `${sessionId}-${label}-${consentState}-${createdAt}`,
  projectId: 'p',
  organizationId: 'o',
  concordId: sessionId,
  consentTypeId: label,
  version: 1,
  category: 'analytics',
  label,
  consentState,
  consentAction: 'user_click',
  consentDate: createdAt,
  expirationDate: createdAt,
  sessionId,
  bodyHash: '',
  createdAt,
});

describe('rollupCounts', () => {
  it('counts each day, session, label and state once however the runs of events interleave', () => {
    const counts = rollupCounts(
      [
        event('a', 'analytics', 'accepted'),
        event('a', 'marketing', 'accepted'),
        event('b', 'analytics', 'declined'),
        event('a', 'analytics', 'accepted', '2026-01-02T09:00:00.000Z'),
        event('a', 'analytics', 'accepted', '2026-01-03T00:00:00.000Z'),
      ],
      [],
    );
    const by = (sessionId: string, day: string, label: string, state: string) =>
      counts.find(
        (c) => c.sessionId === sessionId && c.day === day && c.label === label && c.state === state,
      )?.n;
    expect(by('a', '2026-01-02', 'analytics', 'accepted')).toBe(2);
    expect(by('a', '2026-01-02', 'marketing', 'accepted')).toBe(1);
    expect(by('b', '2026-01-02', 'analytics', 'declined')).toBe(1);
    expect(by('a', '2026-01-03', 'analytics', 'accepted')).toBe(1);
    expect(by('a', '2026-01-02', '', 'accept_all')).toBe(1);
    expect(by('b', '2026-01-02', '', 'reject_all')).toBe(1);
    // Five events, and one outcome per session, counted on its first event's day.
    expect(counts.reduce((sum, c) => sum + c.n, 0)).toBe(5 + 2);
  });
});
