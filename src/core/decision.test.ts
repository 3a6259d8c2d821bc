import { describe, expect, it } from 'vitest';
import { isAllowingState, isDecisionValid, mergeDecisions, validDecisions } from './decision.ts';
import { CLOCK_SKEW_MS } from './consent-rules.ts';
import { refuseState } from './consent-type.ts';
import type { ConsentType, Decision } from './types.ts';

const analytics: ConsentType = {
  id: '00000000-0000-4000-8000-0000000000c2',
  category: 'privacy_setting',
  label: 'analytics',
  version: 2,
  name: 'Analytics',
  description: 'Measures visits.',
  required: false,
  readOnly: false,
  validStates: ['viewed', 'accepted', 'declined', 'implied'],
  status: 'active',
  consentDuration: 'P6M',
};

const decision: Decision = {
  label: 'analytics',
  consentType: analytics.id,
  version: 1,
  state: 'accepted',
  action: 'user_click',
  consentDate: '2026-01-01T00:00:00.000Z',
  expirationDate: '2026-07-01T00:00:00.000Z',
  eventId: '6f1c0f36-6f0b-4f1e-9f25-2a4fb3b7d001',
};
const before = new Date('2026-06-30T23:59:59.999Z');

describe('isDecisionValid', () => {
  it('holds before the expiration date', () => {
    expect(isDecisionValid(decision, analytics, before)).toBe(true);
  });

  it('ends exactly at the expiration date', () => {
    expect(isDecisionValid(decision, analytics, new Date(decision.expirationDate))).toBe(false);
  });

  it.each(['archived', 'obsolete'] as const)(
    'still holds for a type that is %s: never asked again, but the decision answers',
    (status) => {
      expect(isDecisionValid(decision, { ...analytics, status }, before)).toBe(true);
    },
  );

  it('holds for a test type only in preview mode', () => {
    expect(isDecisionValid(decision, { ...analytics, status: 'test' }, before)).toBe(false);
    expect(isDecisionValid(decision, { ...analytics, status: 'test' }, before, true)).toBe(true);
  });

  it('does not hold under a version lower than requireReacceptVersion', () => {
    expect(isDecisionValid(decision, { ...analytics, requireReacceptVersion: 2 }, before)).toBe(
      false,
    );
    expect(isDecisionValid(decision, { ...analytics, requireReacceptVersion: 1 }, before)).toBe(
      true,
    );
  });

  it('keeps a decision when the version rose without requireReacceptVersion', () => {
    expect(isDecisionValid(decision, { ...analytics, version: 9 }, before)).toBe(true);
  });

  it('does not hold for a state the type no longer accepts, another type, or no type', () => {
    expect(isDecisionValid(decision, { ...analytics, validStates: ['declined'] }, before)).toBe(
      false,
    );
    expect(isDecisionValid(decision, { ...analytics, id: 'other' }, before)).toBe(false);
    expect(isDecisionValid(decision, undefined, before)).toBe(false);
  });

  it('does not hold for an unreadable expiration date', () => {
    expect(isDecisionValid({ ...decision, expirationDate: 'soon' }, analytics, before)).toBe(false);
  });

  // Issue 22 §4: the widget never honours a stored decision the rules would refuse.
  it('does not hold for a decision dated in the future beyond the clock skew', () => {
    const now = new Date('2026-03-01T00:00:00.000Z');
    const at = (ms: number) => ({
      ...decision,
      consentDate: new Date(now.getTime() + ms).toISOString(),
    });
    expect(isDecisionValid(at(CLOCK_SKEW_MS), analytics, now)).toBe(true);
    expect(isDecisionValid(at(CLOCK_SKEW_MS + 1), analytics, now)).toBe(false);
    expect(isDecisionValid(at(24 * 3600 * 1000), analytics, now)).toBe(false);
    expect(isDecisionValid({ ...decision, consentDate: 'yesterday' }, analytics, now)).toBe(false);
  });

  it('does not hold for an expiration date at or before its consent date', () => {
    const now = new Date('2026-03-01T00:00:00.000Z');
    const backwards = { ...decision, expirationDate: '2025-12-31T00:00:00.000Z' };
    expect(isDecisionValid(backwards, analytics, new Date('2025-06-01T00:00:00.000Z'))).toBe(false);
    expect(
      isDecisionValid({ ...decision, expirationDate: decision.consentDate }, analytics, now),
    ).toBe(false);
  });

  it("does not hold for an expiration date further than the type's duration allows", () => {
    const now = new Date('2026-03-01T00:00:00.000Z');
    const tenYears = { ...decision, expirationDate: '2036-01-01T00:00:00.000Z' };
    expect(isDecisionValid(tenYears, analytics, now)).toBe(false);
    // A day past the six months of the type.
    expect(
      isDecisionValid({ ...decision, expirationDate: '2026-07-02T00:00:00.000Z' }, analytics, now),
    ).toBe(false);
  });

  it("caps the type's duration by its category's maximum, and uses the default without one", () => {
    const now = new Date('2026-03-01T00:00:00.000Z');
    const fiveYears = { ...analytics, consentDuration: 'P5Y' };
    // privacy_setting is capped at 13 months whatever the type says.
    const fourteenMonths = { ...decision, expirationDate: '2027-03-01T00:00:00.000Z' };
    const twelveMonths = { ...decision, expirationDate: '2027-01-01T00:00:00.000Z' };
    expect(isDecisionValid(fourteenMonths, fiveYears, now)).toBe(false);
    expect(isDecisionValid(twelveMonths, fiveYears, now)).toBe(true);
    // Without a duration of its own, the project default decides (here, 6 months).
    const noDuration = { ...analytics, consentDuration: undefined };
    expect(isDecisionValid(twelveMonths, noDuration, now, false, 'P6M')).toBe(false);
    expect(isDecisionValid(decision, noDuration, now, false, 'P6M')).toBe(true);
  });
});

describe('validDecisions', () => {
  it('keeps only the valid decisions, by label', () => {
    const marketing = { ...decision, label: 'marketing', consentType: 'gone' };
    expect(validDecisions({ analytics: decision, marketing }, [analytics], before)).toEqual({
      analytics: decision,
    });
  });
});

describe('validDecisions and labels of Object.prototype', () => {
  it('answers no decision for __proto__ or constructor', () => {
    const valid = validDecisions({ analytics: decision }, [analytics], before);
    expect(valid['__proto__']).toBeUndefined();
    expect(valid['constructor']).toBeUndefined();
    expect(Object.getPrototypeOf(valid)).toBeNull();
  });

  it('keeps a decision stored under the label __proto__ as a decision like any other', () => {
    const proto = { ...analytics, id: 'proto-type', label: '__proto__' };
    // As JSON.parse reads it from storage: an own property named __proto__.
    const stored = JSON.parse(
      `{"__proto__": ${JSON.stringify({ ...decision, label: '__proto__', consentType: 'proto-type' })}}`,
    ) as Record<string, typeof decision>;
    const valid = validDecisions(stored, [proto], before);
    expect(Object.keys(valid)).toEqual(['__proto__']);
    expect(valid['__proto__']?.state).toBe('accepted');
  });
});

describe('mergeDecisions', () => {
  const accept = { ...decision, consentDate: '2026-01-01T00:00:00.001Z', eventId: 'b' };
  const decline = {
    ...decision,
    state: 'declined' as const,
    consentDate: '2026-01-01T00:00:00.002Z',
    eventId: 'a',
  };

  it('keeps the later decision per label whichever side it comes from', () => {
    expect(mergeDecisions({ analytics: accept }, { analytics: decline }).analytics).toBe(decline);
    expect(mergeDecisions({ analytics: decline }, { analytics: accept }).analytics).toBe(decline);
  });

  it('breaks a tie of consent dates by event id', () => {
    const tied = { ...decline, consentDate: accept.consentDate };
    expect(mergeDecisions({ analytics: accept }, { analytics: tied }).analytics).toBe(accept);
    expect(mergeDecisions({ analytics: tied }, { analytics: accept }).analytics).toBe(accept);
  });

  it('adds labels only one side has, into an object without a prototype', () => {
    const merged = mergeDecisions({ analytics: accept }, { marketing: decline });
    expect(Object.keys(merged)).toEqual(['analytics', 'marketing']);
    expect(Object.getPrototypeOf(merged)).toBeNull();
  });
});

describe('refuseState', () => {
  it('refuses a state outside validStates and a decline of a required type', () => {
    expect(refuseState({ ...analytics, validStates: ['accepted'] }, 'declined')).toMatch(
      /does not accept/,
    );
    expect(refuseState({ ...analytics, required: true }, 'declined')).toMatch(/required/);
    expect(refuseState(analytics, 'declined')).toBeUndefined();
  });
});

describe('isAllowingState', () => {
  it('lets accepted and implied run, nothing else', () => {
    expect(
      ['accepted', 'implied', 'declined', 'viewed', undefined].map((s) =>
        isAllowingState(s as never),
      ),
    ).toEqual([true, true, false, false, false]);
  });
});
