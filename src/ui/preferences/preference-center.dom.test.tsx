import { signal } from '@preact/signals';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { ConsentState, ConsentType, Decision } from '../../core/types.ts';
import type { Choices } from '../../core/choice.ts';
import en from '../i18n/locales/en.ts';
import { PreferenceCenter } from './preference-center.tsx';

const analytics: ConsentType = {
  id: '00000000-0000-4000-8000-000000000001',
  category: 'privacy_setting',
  label: 'analytics',
  version: 1,
  name: 'Analytics',
  description: 'Counts visits.',
  required: false,
  readOnly: false,
  validStates: ['accepted', 'declined'],
  status: 'active',
};

/** Preact runs effects a frame after a render; this waits past it. */
const afterEffects = () => new Promise((resolve) => setTimeout(resolve, 150));

function setup() {
  const container = document.createElement('div');
  document.body.append(container);
  const initial = signal<Choices>({ analytics: false });
  const chosen: Record<string, ConsentState>[] = [];
  render(
    <PreferenceCenter
      types={[analytics]}
      decisions={signal<Record<string, Decision>>({})}
      initial={initial}
      texts={en.notice}
      preferenceTexts={en.preferences}
      languages={['en']}
      idPrefix="center"
      usPrivacy={en.usPrivacy}
      onChoose={(states) => chosen.push(states)}
    />,
    container,
  );
  const toggle = () => container.querySelector<HTMLInputElement>('#center-analytics')!;
  const save = () =>
    [...container.querySelectorAll('button')].find((b) => b.textContent === en.notice.save)!;
  return { initial, chosen, toggle, save };
}

describe('the preference center', () => {
  it('keeps a switch flipped before its effects ran (a keyboard at once after it opened)', async () => {
    const { chosen, toggle, save } = setup();
    // At once after the render, before Preact's effects: what a fast keyboard does.
    toggle().click();
    await afterEffects();
    expect(toggle().checked).toBe(true);
    save().click();
    expect(chosen).toEqual([{ analytics: 'accepted' }]);
  });

  it('resets the switches when a decision made elsewhere changes them', async () => {
    const { initial, toggle } = setup();
    await afterEffects();
    toggle().click();
    await afterEffects();
    expect(toggle().checked).toBe(true);
    initial.value = { analytics: false };
    await afterEffects();
    expect(toggle().checked).toBe(false);
  });
});
