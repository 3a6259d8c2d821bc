import { describe, expect, it } from 'vitest';
import { planConsent } from './consent-plan.ts';
import { signalHonoured } from './decision.ts';
import {
  GPC_DEFAULT,
  gpcDeclinedLabels,
  gpcOptOutsFor,
  optOutCategoriesOf,
} from './opt-out-category.ts';
import type { ConsentType, Decision } from './types.ts';
import { US_STATE_RULES, usStateRuleFor } from './us-states.ts';

const now = new Date('2026-11-22T12:00:00Z');
const type = (label: string, subcategory?: unknown): ConsentType => ({
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
  consentDuration: 'P6M',
  ...(subcategory !== undefined && { subcategory }),
});
const analytics = type('analytics');
const sale = type('data_sale', 'sale');
const ads = type('ads', ['targeted_advertising']);
const sensitive = type('health', 'sensitive_data');
const types = [analytics, sale, ads, sensitive];
const plan = (region: string, gpc = true) =>
  planConsent({
    types,
    decisions: {},
    policy: 'opt-out',
    gpc,
    gpcDeclines: gpcDeclinedLabels(types, usStateRuleFor(region, now)),
    preview: false,
    now,
  });

describe('US state rules', () => {
  it('lists each state once, with an effective date, opt-outs and a known GPP section', () => {
    const regions = US_STATE_RULES.map((state) => state.region);
    expect(new Set(regions).size).toBe(regions.length);
    for (const state of US_STATE_RULES) {
      expect(state.region).toMatch(/^US-[A-Z]{2}$/);
      expect(state.effective).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(state.optOuts).toContain('sale');
      for (const category of state.gpc) expect(state.optOuts).toContain(category);
    }
  });

  it('requires honouring GPC in the twelve states whose laws say so', () => {
    expect(
      US_STATE_RULES.filter((state) => state.gpc.length)
        .map((state) => state.region)
        .sort(),
    ).toEqual(
      ['CA', 'CO', 'CT', 'DE', 'MD', 'MN', 'MT', 'NE', 'NH', 'NJ', 'OR', 'TX'].map(
        (s) => `US-${s}`,
      ),
    );
  });

  it('gives only California the notice at collection, its link wording and the honoured display', () => {
    const california = usStateRuleFor('US-CA', now)!;
    expect(california.notice).toEqual({
      atCollection: true,
      optOutLink: 'do-not-sell-or-share',
      signalHonoured: true,
    });
    expect(
      US_STATE_RULES.filter((state) => state.notice.atCollection).map((state) => state.region),
    ).toEqual(['US-CA']);
  });

  it('applies a law only from its effective date, and not outside the states', () => {
    expect(usStateRuleFor('US-RI', new Date('2025-12-31T12:00:00Z'))).toBeUndefined();
    expect(usStateRuleFor('US-RI', now)?.law).toBe('RIDTPPA');
    expect(usStateRuleFor('US-WA', now)).toBeUndefined();
    expect(usStateRuleFor('US', now)).toBeUndefined();
    expect(usStateRuleFor('DE', now)).toBeUndefined();
  });

  it('reads opt-out categories from a type subcategory, the old sale_or_sharing mark included', () => {
    expect(optOutCategoriesOf(type('m', 'sale_or_sharing'))).toEqual(GPC_DEFAULT);
    expect(optOutCategoriesOf(type('m', ['sale', 'sensitive_data', 'other']))).toEqual([
      'sale',
      'sensitive_data',
    ]);
    expect(optOutCategoriesOf(type('m', { sale: true }))).toEqual([]);
    expect(gpcOptOutsFor(undefined)).toEqual(GPC_DEFAULT);
    expect(gpcOptOutsFor([])).toEqual(GPC_DEFAULT);
  });
});

describe('the jurisdiction plan with a state rule', () => {
  it('declines the sale for GPC in California and implies targeted advertising, which its signal does not cover', () => {
    expect(plan('US-CA')).toMatchObject({
      gpcDecline: ['data_sale'],
      imply: ['analytics', 'ads', 'health'],
    });
  });

  it('declines sale and targeted advertising for GPC in Colorado', () => {
    expect(plan('US-CO')).toMatchObject({
      gpcDecline: ['data_sale', 'ads'],
      imply: ['analytics', 'health'],
    });
  });

  it('honours GPC for sale and targeted advertising where the law does not require it', () => {
    expect(plan('US-VA').gpcDecline).toEqual(['data_sale', 'ads']);
    expect(plan('US-WA').gpcDecline).toEqual(['data_sale', 'ads']);
  });

  it('implies everything without the signal', () => {
    expect(plan('US-TX', false)).toMatchObject({
      gpcDecline: [],
      imply: ['analytics', 'data_sale', 'ads', 'health'],
    });
  });

  it('keeps an explicit opt-in after a GPC decline, and the indicator follows the decisions', () => {
    const decision = (label: string, state: Decision['state'], action: Decision['action']) => ({
      label,
      consentType: `id-${label}`,
      version: 1,
      state,
      action,
      consentDate: '2026-11-20T00:00:00.000Z',
      expirationDate: '2027-05-20T00:00:00.000Z',
      eventId: `event-${label}`,
    });
    const byGpc = { data_sale: decision('data_sale', 'declined', 'implied') };
    expect(signalHonoured(byGpc)).toEqual(['data_sale']);
    const optedIn = { data_sale: decision('data_sale', 'accepted', 'user_click') };
    expect(signalHonoured(optedIn)).toEqual([]);
    const result = planConsent({
      types,
      decisions: optedIn,
      policy: 'opt-out',
      gpc: true,
      gpcDeclines: gpcDeclinedLabels(types, usStateRuleFor('US-CA', now)),
      preview: false,
      now,
    });
    expect(result.gpcDecline).toEqual([]);
    expect(signalHonoured({ x: decision('x', 'declined', 'user_click') })).toEqual([]);
  });
});
