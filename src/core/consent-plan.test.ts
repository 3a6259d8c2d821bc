import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_MS, DEFAULT_DECLINE_DURATION, latestExpirationFor } from './consent-rules.ts';
import { createConsentEvent, decisionOf } from './consent-event.ts';
import { addDuration, parseDuration } from './duration.ts';
import { isAllowingState, validDecisions } from './decision.ts';
import { planConsent, type PlanInput } from './consent-plan.ts';
import type { ConsentState, ConsentType, Decision } from './types.ts';

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
  consentDuration: 'P6M',
  ...extra,
});
const necessary = type('necessary', { required: true, validStates: ['accepted'] });
const analytics = type('analytics');
const marketing = type('marketing', { subcategory: 'sale_or_sharing' });
const policy = type('privacy_policy', {
  category: 'disclosure',
  validStates: ['viewed', 'accepted'],
});
const newsletter = type('newsletter', { category: 'communication' });
const now = new Date('2026-11-22T12:00:00Z');

const decided = (t: ConsentType, state: ConsentState, extra: Partial<Decision> = {}): Decision => ({
  label: t.label,
  consentType: t.id,
  version: t.version,
  state,
  action: 'user_click',
  consentDate: '2026-11-01T00:00:00.000Z',
  expirationDate: '2027-05-01T00:00:00.000Z',
  eventId: `event-${t.label}`,
  ...extra,
});

const plan = (input: Partial<PlanInput>) =>
  planConsent({
    types: [necessary, analytics, marketing, policy, newsletter],
    decisions: {},
    policy: 'opt-in',
    gpc: false,
    preview: false,
    now,
    ...input,
  });

describe('planConsent', () => {
  it('asks about every optional purpose and the disclosure on a first opt-in visit', () => {
    expect(plan({})).toEqual({
      ask: ['analytics', 'marketing'],
      imply: [],
      gpcDecline: [],
      disclose: ['privacy_policy'],
    });
  });

  it('asks again about one type whose re-acceptance version rose, and keeps the others', () => {
    const decisions = {
      analytics: decided(analytics, 'accepted'),
      marketing: decided(marketing, 'declined'),
      privacy_policy: decided(policy, 'accepted'),
    };
    expect(plan({ decisions }).ask).toEqual([]);
    const bumped = { ...analytics, version: 2, requireReacceptVersion: 2 };
    expect(plan({ decisions, types: [necessary, bumped, marketing, policy] })).toEqual({
      ask: ['analytics'],
      imply: [],
      gpcDecline: [],
      disclose: [],
    });
  });

  it('asks again about a type whose decision expired, only that one', () => {
    const decisions = {
      analytics: decided(analytics, 'accepted', { expirationDate: '2026-11-22T12:00:00.000Z' }),
      marketing: decided(marketing, 'accepted'),
    };
    expect(plan({ decisions }).ask).toEqual(['analytics']);
  });

  it('implies consent under opt-out and notice-only policies', () => {
    for (const policyName of ['opt-out', 'notice-only'] as const) {
      expect(plan({ policy: policyName })).toMatchObject({
        ask: [],
        imply: ['analytics', 'marketing'],
      });
    }
  });

  it('declines sale and sharing types for Global Privacy Control, under any policy', () => {
    expect(plan({ policy: 'opt-out', gpc: true })).toMatchObject({
      imply: ['analytics'],
      gpcDecline: ['marketing'],
    });
    expect(plan({ gpc: true })).toMatchObject({ ask: ['analytics'], gpcDecline: ['marketing'] });
  });

  it('lets an explicit choice outlive the GPC signal, and the signal going away opt nobody in', () => {
    const accepted = { marketing: decided(marketing, 'accepted') };
    expect(plan({ gpc: true, decisions: accepted }).gpcDecline).toEqual([]);
    const gpcDeclined = { marketing: decided(marketing, 'declined', { action: 'implied' }) };
    expect(plan({ policy: 'opt-out', gpc: false, decisions: gpcDeclined }).imply).toEqual([
      'analytics',
    ]);
  });

  it('never asks about archived, obsolete or (outside preview) test types', () => {
    const types = [
      type('old', { status: 'archived' }),
      type('gone', { status: 'obsolete' }),
      type('beta', { status: 'test' }),
    ];
    expect(plan({ types }).ask).toEqual([]);
    expect(plan({ types, preview: true }).ask).toEqual(['beta']);
  });
});

/** Random histories of decisions on one type, made at random times, with random type changes. */
const history = fc.array(
  fc.record({
    state: fc.constantFrom<ConsentState>('accepted', 'declined', 'implied'),
    at: fc.integer({ min: 0, max: 400 }),
    version: fc.integer({ min: 1, max: 4 }),
  }),
  { maxLength: 8 },
);

describe('the allowed invariant', () => {
  it('allows a type only if its latest decision is valid and accepted or implied', () => {
    fc.assert(
      fc.property(
        history,
        fc.integer({ min: 0, max: 600 }),
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        fc.constantFrom('active', 'archived', 'obsolete', 'test' as const),
        (events, day, requireReacceptVersion, status) => {
          const start = Date.UTC(2026, 0, 1);
          const t: ConsentType = { ...analytics, status, requireReacceptVersion };
          // The widget keeps the latest decision per type: later events replace earlier ones.
          let latest: Decision | undefined;
          for (const event of [...events].sort((a, b) => a.at - b.at)) {
            const date = new Date(start + event.at * 86_400_000);
            // Six months as the rules count them (31 October + 6 months is 30 April).
            const expires = addDuration(date, parseDuration('P6M')!);
            latest = decided(t, event.state, {
              version: event.version,
              consentDate: date.toISOString(),
              expirationDate: expires.toISOString(),
            });
          }
          const when = new Date(start + day * 86_400_000);
          const valid = validDecisions(latest ? { analytics: latest } : {}, [t], when);
          const allowed = isAllowingState(valid.analytics?.state);
          const expected =
            latest !== undefined &&
            status !== 'test' &&
            when < new Date(latest.expirationDate) &&
            // A decision dated after now (beyond the clock skew) was not made (issue 22 §4).
            Date.parse(latest.consentDate) <= when.getTime() + CLOCK_SKEW_MS &&
            (requireReacceptVersion === undefined || latest.version >= requireReacceptVersion) &&
            (latest.state === 'accepted' || latest.state === 'implied');
          expect(allowed).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never asks about a type that has a valid decision, and asks or implies every other one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('opt-in', 'opt-out', 'notice-only' as const),
        fc.boolean(),
        fc.subarray(['analytics', 'marketing']),
        (policyName, gpc, decidedLabels) => {
          const decisions = Object.fromEntries(
            decidedLabels.map((label) => [
              label,
              decided(label === 'analytics' ? analytics : marketing, 'declined'),
            ]),
          );
          const result = plan({ policy: policyName, gpc, decisions });
          const touched = [...result.ask, ...result.imply, ...result.gpcDecline];
          expect(touched.filter((label) => decidedLabels.includes(label))).toEqual([]);
          expect(touched.sort()).toEqual(
            ['analytics', 'marketing'].filter((l) => !decidedLabels.includes(l)).sort(),
          );
        },
      ),
    );
  });
});

// Issue 17: after "Reject all" the notice stays away for the project's decline period, unless
// the site's consent types change.
describe('the decline period', () => {
  const short = type('short', { consentDuration: 'P1M' });
  const types = [necessary, short, analytics];
  const at = new Date('2026-11-22T12:00:00Z');
  const rejectAll = (declineDuration?: string) =>
    Object.fromEntries(
      [short, analytics].map((t) => {
        const event = createConsentEvent({
          type: t,
          state: 'declined',
          action: 'user_click',
          concordId: 'visitor',
          now: at,
          defaultDuration: 'P12M',
          declineDuration,
          id: `event-${t.label}`,
        });
        return [t.label, decisionOf(event, t)!];
      }),
    );
  const askAt = (decisions: Record<string, Decision>, when: string, list = types) =>
    planConsent({
      types: list,
      decisions,
      policy: 'opt-in',
      gpc: false,
      preview: false,
      now: new Date(when),
    }).ask;

  it('keeps the notice away for six months after reject all, though a type lasts one month', () => {
    const decisions = rejectAll(DEFAULT_DECLINE_DURATION);
    expect(decisions.short!.expirationDate).toBe('2027-05-22T12:00:00.000Z');
    expect(askAt(decisions, '2027-01-01T00:00:00Z')).toEqual([]);
    expect(askAt(decisions, '2027-05-22T11:59:00Z')).toEqual([]);
    // Once the period is over, the notice asks again.
    expect(askAt(decisions, '2027-05-22T12:01:00Z')).toEqual(['short', 'analytics']);
  });

  it('without the period a one-month type is asked again after a month', () => {
    const decisions = rejectAll();
    expect(decisions.short!.expirationDate).toBe('2026-12-22T12:00:00.000Z');
    expect(askAt(decisions, '2027-01-01T00:00:00Z')).toEqual(['short']);
  });

  it('never shortens a refusal, nor touches an acceptance, and stays within the category cap', () => {
    // analytics lasts P6M from the type itself; a P1M period does not shorten it.
    expect(rejectAll('P1M').analytics!.expirationDate).toBe('2027-05-22T12:00:00.000Z');
    const accepted = createConsentEvent({
      type: short,
      state: 'accepted',
      action: 'user_click',
      concordId: 'visitor',
      now: at,
      defaultDuration: 'P12M',
      declineDuration: 'P6M',
      id: 'event-accepted',
    });
    expect(accepted.expirationDate).toBe('2026-12-22T12:00:00.000Z');
    const capped = rejectAll('P10Y').short!.expirationDate;
    expect(capped).toBe(latestExpirationFor('privacy_setting', at)!.toISOString());
    // An invalid period changes nothing.
    expect(rejectAll('six months').short!.expirationDate).toBe('2026-12-22T12:00:00.000Z');
  });

  it('asks again within the period when the site adds a type or bumps a version to ask again', () => {
    const decisions = rejectAll(DEFAULT_DECLINE_DURATION);
    const added = type('ads');
    expect(askAt(decisions, '2027-01-01T00:00:00Z', [...types, added])).toEqual(['ads']);
    const bumped = { ...analytics, version: 2, requireReacceptVersion: 2 };
    expect(askAt(decisions, '2027-01-01T00:00:00Z', [necessary, short, bumped])).toEqual([
      'analytics',
    ]);
    // A version bump that does not ask again keeps the refusal.
    const quiet = { ...analytics, version: 2 };
    expect(askAt(decisions, '2027-01-01T00:00:00Z', [necessary, short, quiet])).toEqual([]);
  });
});
