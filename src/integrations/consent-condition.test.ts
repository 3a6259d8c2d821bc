import { describe, expect, it } from 'vitest';
import type { ConsentState } from '../core/types.ts';
import { isConditionMet } from './consent-condition.ts';

const states: Record<string, ConsentState> = {
  analytics: 'accepted',
  marketing: 'declined',
  functional: 'implied',
};
const stateOf = (label: string) => states[label];

describe('isConditionMet', () => {
  it('holds when every named label is accepted or implied', () => {
    expect(isConditionMet('analytics', stateOf)).toBe(true);
    expect(isConditionMet(' analytics  functional ', stateOf)).toBe(true);
  });

  it('fails when one named label is declined or undecided', () => {
    expect(isConditionMet('analytics marketing', stateOf)).toBe(false);
    expect(isConditionMet('analytics unknown', stateOf)).toBe(false);
  });

  it('holds for !label only when that label is declined', () => {
    expect(isConditionMet('!marketing', stateOf)).toBe(true);
    expect(isConditionMet('!analytics', stateOf)).toBe(false);
    expect(isConditionMet('analytics !marketing', stateOf)).toBe(true);
  });

  it('keeps !label closed while the label has no decision', () => {
    expect(isConditionMet('!unknown', stateOf)).toBe(false);
  });

  it('never holds for an empty condition', () => {
    expect(isConditionMet('', stateOf)).toBe(false);
    expect(isConditionMet('   ', stateOf)).toBe(false);
  });
});
