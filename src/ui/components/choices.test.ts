import { describe, expect, it } from 'vitest';
import type { ConsentType } from '../../core/types.ts';
import { allStates, isEditable, statesFromChoices } from './choices.ts';

const type = (label: string, extra: Partial<ConsentType> = {}): ConsentType => ({
  id: `id-${label}`,
  category: 'privacy_setting',
  label,
  version: 1,
  name: label,
  description: '',
  required: false,
  readOnly: false,
  validStates: ['viewed', 'accepted', 'declined', 'implied'],
  status: 'active',
  ...extra,
});

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
