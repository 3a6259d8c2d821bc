import { describe, expect, it } from 'vitest';
import { isAllowingState, isDecisionValid, validDecisions } from './decision.ts';
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
});

describe('validDecisions', () => {
  it('keeps only the valid decisions, by label', () => {
    const marketing = { ...decision, label: 'marketing', consentType: 'gone' };
    expect(validDecisions({ analytics: decision, marketing }, [analytics], before)).toEqual({
      analytics: decision,
    });
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
