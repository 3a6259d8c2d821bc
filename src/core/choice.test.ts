import { describe, expect, it } from 'vitest';
import {
  allStates,
  initialChoices,
  isEditable,
  noticeLabels,
  pendingDisclosures,
  preferenceLabels,
  requestedStates,
  statesFromChoices,
  withDisclosures,
} from './choice.ts';
import { consentType } from './testing.ts';
import type { ConsentType, Decision } from './types.ts';

const type = (label: string, extra: Partial<ConsentType> = {}): ConsentType =>
  consentType(label, { name: label, ...extra });

const necessary = type('necessary', { required: true, validStates: ['accepted'] });
const analytics = type('analytics');
const locked = type('locked', { readOnly: true });
const policy = type('policy', { category: 'disclosure', validStates: ['viewed', 'accepted'] });
const types = [necessary, analytics, locked, policy];

describe('choices', () => {
  it('lets the visitor switch only types that are neither required, read-only nor one-way', () => {
    expect(types.map(isEditable)).toEqual([false, true, false, false]);
  });

  it('records switched types as chosen, required ones accepted, and leaves locked ones alone', () => {
    expect(statesFromChoices(types, {})).toEqual({
      necessary: 'accepted',
      analytics: 'declined',
    });
    expect(statesFromChoices(types, { analytics: true, locked: false })).toEqual({
      necessary: 'accepted',
      analytics: 'accepted',
    });
  });

  it('keeps required types accepted when the visitor rejects all', () => {
    expect(allStates(types, false)).toEqual({ necessary: 'accepted', analytics: 'declined' });
    expect(allStates(types, true)).toEqual({ necessary: 'accepted', analytics: 'accepted' });
  });
});

const now = new Date('2026-11-22T12:00:00.000Z');
const decided = (
  type: ConsentType,
  state: Decision['state'],
  expirationDate = '2027-01-01T00:00:00.000Z',
): Decision => ({
  label: type.label,
  consentType: type.id,
  version: type.version,
  state,
  action: 'user_click',
  consentDate: '2026-11-01T00:00:00.000Z',
  expirationDate,
  eventId: `event-${type.label}`,
});

describe('layers', () => {
  const trial = type('trial', { status: 'test' });
  const old = type('old', { status: 'archived' });
  const newsletter = type('newsletter', { category: 'communication' });

  it('shows asked privacy settings in the notice, test ones only in preview', () => {
    expect(noticeLabels([...types, trial, old, newsletter], false)).toEqual([
      'necessary',
      'analytics',
      'locked',
    ]);
    expect(noticeLabels([analytics, trial], true)).toEqual(['analytics', 'trial']);
  });

  it('lists communication types in the preference center only for an identified visitor', () => {
    const all = [analytics, newsletter, old, policy];
    expect(preferenceLabels(all, false, false)).toEqual(['analytics', 'policy']);
    expect(preferenceLabels(all, false, true)).toEqual(['analytics', 'newsletter', 'policy']);
  });
});

describe('disclosures', () => {
  const context = { types, decisions: {}, preview: false, now };

  it('are pending until validly acknowledged', () => {
    expect(pendingDisclosures(context)).toEqual(['policy']);
    const acknowledged = { policy: decided(policy, 'accepted') };
    expect(pendingDisclosures({ ...context, decisions: acknowledged })).toEqual([]);
    const expired = { policy: decided(policy, 'accepted', '2026-11-01T00:00:00.000Z') };
    expect(pendingDisclosures({ ...context, decisions: expired })).toEqual(['policy']);
  });

  it('are accepted with any choice, a decline included', () => {
    expect(withDisclosures({ analytics: 'declined' }, context)).toEqual({
      analytics: 'declined',
      policy: 'accepted',
    });
  });
});

describe('window API choices', () => {
  it('accepts or declines every notice type, keeping required ones accepted', () => {
    expect(requestedStates(types, undefined, true, false)).toEqual({
      necessary: 'accepted',
      analytics: 'accepted',
      locked: 'accepted',
    });
    expect(requestedStates(types, undefined, false, false)).toEqual({
      necessary: 'accepted',
      analytics: 'declined',
      locked: 'declined',
    });
  });

  it('records the named types as asked, a required one declined included', () => {
    expect(requestedStates(types, ['necessary'], false, false)).toEqual({ necessary: 'declined' });
  });
});

describe('initialChoices', () => {
  it('switches on only valid acceptances and implied consent', () => {
    expect(
      initialChoices({
        analytics: decided(analytics, 'accepted'),
        locked: decided(locked, 'implied'),
        necessary: decided(necessary, 'declined'),
      }),
    ).toEqual({ analytics: true, locked: true, necessary: false });
  });
});
