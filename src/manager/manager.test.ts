import { createHash, createHmac } from 'node:crypto';
import { noticeSnapshotText } from '../core/proof.ts';
import type { NoticeSnapshot } from '../core/types.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult, SiteApi } from '../api/site-api.ts';
import { createEmitter } from '../core/emitter.ts';
import { consentType, siteConfig } from '../core/testing.ts';
import type {
  ConsentEventInput,
  ConsentStateItem,
  ConsentType,
  SiteConfig,
} from '../core/types.ts';
import { createMemoryStore, type KeyValueStore } from '../storage/key-value-store.ts';
import { decisionsToAdopt } from './identity.ts';
import { CLOCK_SKEW_MS } from '../core/clock-skew.ts';
import { latestReceiptUrl } from './receipt.ts';
import { validDecisions } from '../core/decision.ts';
import type { AssentEvents, Runtime } from '../runtime/runtime.ts';
import { testManager } from './testing.ts';

const PROJECT = '00000000-0000-4000-8000-00000000000b';
const VISITOR_SECRET = 's'.repeat(43);
/** The runtime's clock in these tests, in seconds. */
const NOW_S = Date.parse('2026-11-22T12:00:00.000Z') / 1000;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** An identity token as a site's backend signs one (the widget cannot check the signature). */
function identityToken(claims: Record<string, unknown>, alg = 'HS256') {
  const body = `${b64({ alg, typ: 'JWT' })}.${b64(claims)}`;
  return `${body}.${alg === 'none' ? '' : createHmac('sha256', 'site-secret').update(body).digest('base64url')}`;
}
const type = (label: string, extra: Partial<ConsentType> = {}): ConsentType =>
  consentType(label, { name: label, consentDuration: 'P6M', ...extra });
const config: SiteConfig = siteConfig([
  type('necessary', { required: true, validStates: ['accepted'] }),
  type('analytics'),
]);

type Answer = ApiResult<unknown>;
const accepted = (items: ConsentEventInput[]): Answer => ({
  ok: true,
  value: { count: items.length, items: [] },
});

function setup(
  answers: Array<(items: ConsentEventInput[]) => Answer> = [],
  store: KeyValueStore = createMemoryStore(),
  merged: ConsentStateItem[] = [],
) {
  const sent: ConsentEventInput[][] = [];
  const profiles: unknown[] = [];
  const sessionRequests: unknown[] = [];
  const receipts: Array<[string, string]> = [];
  let sessions = 0;
  const api: SiteApi = {
    getConfig: async () => ({ ok: true, value: config }),
    createSession: async (visitor) => {
      sessionRequests.push(visitor);
      return {
        ok: true,
        value: {
          id: `session-${++sessions}`,
          token: `token-${sessions}`,
          concordId:
            visitor?.concordId ??
            `c0ffee00-0000-4000-8000-1000000000${String(sessions).padStart(2, '0')}`,
          geography: 'unknown',
          expiresAt: '2026-11-22T13:00:00.000Z', // an hour after the runtime's clock
          ...(!visitor && { visitorSecret: `server-made-secret-${sessions}`.padEnd(43, 'x') }),
        },
      };
    },
    sendEvents: async (_token, items) => {
      sent.push(items);
      return (answers.shift() ?? accepted)(items) as never;
    },
    putProfile: async (_token, identityToken) => {
      profiles.push(identityToken);
      return { ok: true, value: { items: merged } };
    },
    getConsentState: async () => ({ ok: true, value: { items: merged } }),
    getReceipt: async (token, eventId) => {
      receipts.push([token, eventId]);
      return eventId === MISSING_RECEIPT
        ? { ok: false, status: 404, message: `consent event ${eventId} not found` }
        : { ok: true, value: { htmlUrl: `https://api.test/receipt-v1/${eventId}` } };
    },
    privacyRequest: async () => ({ ok: false, status: 500, message: 'not in these tests' }),
  };
  const emitted: Array<[string, unknown]> = [];
  const inner = createEmitter<AssentEvents>();
  const runtime: Runtime = {
    projectId: PROJECT,
    config,
    decisions: {},
    visitorId: 'c0ffee00-0000-4000-8000-000000000001',
    visitorSecret: VISITOR_SECRET,
    preview: false,
    store,
    api,
    emitter: { on: inner.on, emit: (name, detail) => void emitted.push([String(name), detail]) },
    now: () => new Date('2026-11-22T12:00:00.000Z'),
    languages: ['en'],
    valid: () =>
      validDecisions(runtime.decisions, runtime.config!.consentTypes, runtime.now(), false),
    states: () =>
      Object.fromEntries(Object.entries(runtime.valid()).map(([label, d]) => [label, d.state])),
    apply: () => {},
    commit: vi.fn((decisions) => void (runtime.decisions = { ...runtime.decisions, ...decisions })),
    forget: vi.fn(() => {
      runtime.decisions = {};
      runtime.visitorId = undefined;
      runtime.visitorSecret = undefined;
    }),
  };
  const manager = testManager(runtime);
  return {
    runtime,
    manager,
    sent,
    emitted,
    store,
    profiles,
    sessionRequests,
    sessionCount: () => sessions,
    receipts,
  };
}

/** An event id the fake site API has no receipt for. */
const MISSING_RECEIPT = '00000000-0000-4000-8000-000000000404';

const outboxOf = (store: KeyValueStore) => store.get<ConsentEventInput[]>(`${PROJECT}:outbox`);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('choose', () => {
  it('stores, applies and sends one accepted event per type with its expiration date', async () => {
    const { manager, runtime, sent, store } = setup();
    expect(await manager.choose({ necessary: 'accepted', analytics: 'accepted' })).toBe(true);
    await manager.flush();
    expect(runtime.commit).toHaveBeenCalledOnce();
    expect(sent).toHaveLength(1);
    expect(
      sent[0]!.map((e) => [e.label, e.consentState, e.consentAction, e.expirationDate]),
    ).toEqual([
      ['necessary', 'accepted', 'user_click', '2027-05-22T12:00:00.000Z'],
      ['analytics', 'accepted', 'user_click', '2027-05-22T12:00:00.000Z'],
    ]);
    expect(Object.keys((await store.get(`${PROJECT}:decisions`)) ?? {})).toEqual([
      'necessary',
      'analytics',
    ]);
    expect(await outboxOf(store)).toEqual([]);
  });

  it('refuses the whole choice when one state is invalid, and stores and sends nothing', async () => {
    const { manager, runtime, sent, emitted, store } = setup();
    expect(await manager.choose({ analytics: 'accepted', necessary: 'declined' })).toBe(false);
    expect(await manager.choose({ nope: 'accepted' })).toBe(false);
    await manager.flush();
    expect(runtime.commit).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
    expect(await store.get(`${PROJECT}:decisions`)).toBeUndefined();
    expect(emitted.map(([name]) => name)).toEqual(['error', 'error']);
  });

  it("acknowledges the pending disclosures with a visitor's choice, not with an implied one", async () => {
    const { manager, runtime, sent } = setup();
    const policy = type('privacy_policy', {
      category: 'disclosure',
      validStates: ['viewed', 'accepted'],
    });
    runtime.config = { ...config, consentTypes: [...config.consentTypes, policy] };
    expect(await manager.choose({ analytics: 'implied' }, 'implied')).toBe(true);
    expect(await manager.choose({ analytics: 'declined' })).toBe(true);
    expect(await manager.choose({ analytics: 'accepted' })).toBe(true);
    await vi.runAllTimersAsync();
    expect(sent.flat().map((e) => `${e.label}:${e.consentState}:${e.consentAction}`)).toEqual([
      'analytics:implied:implied',
      'analytics:declined:user_click',
      'privacy_policy:accepted:user_click',
      'analytics:accepted:user_click',
    ]);
  });

  it('accepts through the window API every notice type and the pending disclosures', async () => {
    const { manager, runtime } = setup();
    const policy = type('privacy_policy', {
      category: 'disclosure',
      validStates: ['viewed', 'accepted'],
    });
    runtime.config = { ...config, consentTypes: [...config.consentTypes, policy] };
    expect(await manager.accept()).toBe(true);
    expect(runtime.states()).toEqual({
      necessary: 'accepted',
      analytics: 'accepted',
      privacy_policy: 'accepted',
    });
    expect(await manager.decline()).toBe(true);
    expect(runtime.states()).toMatchObject({ necessary: 'accepted', analytics: 'declined' });
    expect(await manager.decline(['necessary'])).toBe(false);
  });

  it('forgets the stored decisions and the visitor on reset', async () => {
    const { manager, runtime, store } = setup();
    await manager.choose({ analytics: 'accepted' });
    await manager.reset();
    expect(runtime.forget).toHaveBeenCalledOnce();
    expect(await store.get(`${PROJECT}:decisions`)).toBeUndefined();
    expect(await store.get(`${PROJECT}:visitor`)).toBeUndefined();
  });

  it('records viewed only for types that accept it', async () => {
    const { manager, sent } = setup();
    await manager.recordViewed(['necessary', 'analytics']);
    await manager.flush();
    expect(sent[0]!.map((e) => `${e.label}:${e.consentState}:${e.consentAction}`)).toEqual([
      'analytics:viewed:implied',
    ]);
  });
});

describe('proof', () => {
  const shown = {
    language: 'fr',
    texts: { title: 'Votre vie privée', acceptAll: 'Tout accepter' },
    types: [config.consentTypes[1]!],
    buttons: ['acceptAll'],
  };
  const notice: NoticeSnapshot = {
    ...shown,
    surface: 'notice',
    types: [
      {
        id: 'id-analytics',
        label: 'analytics',
        version: 1,
        category: 'privacy_setting',
        name: 'analytics',
        description: '',
      },
    ],
  };

  it('carries the surface, language, signals and hash of what was shown, with the snapshot once', async () => {
    const { manager, sent } = setup();
    await manager.choose({ necessary: 'accepted', analytics: 'accepted' }, 'user_click', {
      surface: 'notice',
      shown,
    });
    await manager.flush();
    const hash = createHash('sha256').update(noticeSnapshotText(notice)).digest('hex');
    const proofs = sent[0]!.map((event) => event.proof);
    expect(proofs[0]).toEqual({
      surface: 'notice',
      language: 'fr',
      signals: { gpc: false },
      noticeHash: hash,
      notice,
    });
    expect(proofs[1]).toEqual({
      surface: 'notice',
      language: 'fr',
      signals: { gpc: false },
      noticeHash: hash,
    });
  });

  it('says the window API decided when no surface is named, and records GPC', async () => {
    const { manager, sent, runtime } = setup();
    runtime.config = { ...runtime.config!, gpc: true };
    await manager.accept(['analytics']);
    await manager.flush();
    expect(sent[0]![0]!.proof).toEqual({
      surface: 'api',
      signals: { gpc: true, gpcHonoured: false },
    });
  });

  it('says the signal was honoured while a decline of its own stands, and not after an opt-in', async () => {
    const { manager, sent, runtime } = setup();
    runtime.config = { ...runtime.config!, gpc: true };
    await manager.choose({ analytics: 'declined' }, 'implied', { surface: 'signal' });
    await manager.choose({ analytics: 'accepted' });
    await manager.flush();
    const signals = sent.flat().map((event) => event.proof?.signals);
    expect(signals).toEqual([
      { gpc: true, gpcHonoured: true },
      { gpc: true, gpcHonoured: false },
    ]);
  });

  it('carries the IAB strings the decision itself produced, not a later one', async () => {
    const { manager, sent, runtime } = setup();
    const commit = runtime.commit;
    // As the GPP chunk does on `change`, which `commit` emits synchronously.
    runtime.commit = (decisions) => {
      commit(decisions);
      const accepted = runtime.states().analytics === 'accepted';
      runtime.proofExtras = {
        ...runtime.proofExtras,
        gpp: { gppString: accepted ? 'DBABBg~YES' : 'DBABBg~NO', applicableSections: [8] },
      };
    };
    runtime.proofExtras = { tcf: { tcString: 'CQfirst', acString: '2~~dv.89' } };
    const choice = manager.choose({ analytics: 'accepted' });
    // A decision made while the first one's proof module downloads changes nothing of its proof.
    runtime.proofExtras = { tcf: { tcString: 'CQlater' }, gpp: { gppString: 'DBABBg~NO' } };
    await choice;
    await manager.choose({ analytics: 'declined' });
    await manager.flush();
    const proofs = sent.flat().map((event) => event.proof);
    expect(proofs[0]).toMatchObject({
      tcf: { tcString: 'CQfirst', acString: '2~~dv.89' },
      gpp: { gppString: 'DBABBg~YES', applicableSections: [8] },
    });
    expect(proofs[1]).toMatchObject({
      tcf: { tcString: 'CQlater' },
      gpp: { gppString: 'DBABBg~NO' },
    });
  });

  it('sends no IAB keys where no chunk made a string', async () => {
    const { manager, sent } = setup();
    await manager.accept(['analytics']);
    await manager.flush();
    expect(Object.keys(sent[0]![0]!.proof!).sort()).toEqual(['signals', 'surface']);
  });

  it('records the surface a choice names (<assent-gate> names gate)', async () => {
    const { manager, sent } = setup();
    await manager.choose({ analytics: 'accepted' }, 'user_click', { surface: 'gate' });
    await manager.flush();
    expect(sent[0]![0]!.proof).toEqual({ surface: 'gate', signals: { gpc: false } });
  });
});

describe("the visitor's receipt (issue 17)", () => {
  it('asks for the receipt of the latest decision once it is delivered, with a session for this visitor', async () => {
    const { runtime, manager, sent, receipts, sessionRequests } = setup();
    await manager.choose({ analytics: 'declined' });
    vi.setSystemTime(new Date('2026-11-22T12:05:00.000Z'));
    runtime.now = () => new Date('2026-11-22T12:05:00.000Z');
    await manager.choose({ analytics: 'accepted' });
    const latest = runtime.decisions.analytics!.eventId;
    const result = await latestReceiptUrl(runtime, manager);
    expect(result).toEqual({ ok: true, value: `https://api.test/receipt-v1/${latest}` });
    // Delivered before it was asked for, and asked for with this visitor's session.
    expect(sent.flat().map((event) => event.id)).toContain(latest);
    expect(receipts.at(-1)![1]).toBe(latest);
    expect(sessionRequests.at(-1)).toEqual({
      concordId: runtime.visitorId,
      visitorSecret: VISITOR_SECRET,
    });
  });

  it('answers why there is no receipt instead of throwing', async () => {
    const { runtime, manager, receipts } = setup();
    expect(await latestReceiptUrl(runtime, manager)).toEqual({
      ok: false,
      status: 0,
      message: 'no decision to show a receipt for',
    });
    expect(receipts).toEqual([]);
    await manager.choose({ analytics: 'accepted' });
    runtime.decisions = {
      analytics: { ...runtime.decisions.analytics!, eventId: MISSING_RECEIPT },
    };
    const missing = await latestReceiptUrl(runtime, manager);
    expect(missing).toEqual({
      ok: false,
      status: 404,
      message: `consent event ${MISSING_RECEIPT} not found`,
    });
  });
});

describe('delivery', () => {
  it('keeps events through server errors and sends each once when the server recovers', async () => {
    const unavailable = (): Answer => ({ ok: false, status: 503, message: 'down' });
    const { manager, sent, store, emitted } = setup([unavailable, unavailable]);
    await manager.choose({ analytics: 'accepted' });
    await vi.runAllTimersAsync();
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((batch) => batch[0]!.id)).size).toBe(1);
    expect(await outboxOf(store)).toEqual([]);
    expect(emitted.filter(([name]) => name === 'sync')).toEqual([
      ['sync', { count: 1, pending: 0, deadLetter: 0 }],
    ]);
  });

  it('stops retrying after 8 attempts on a page of 503s, and leaves the events for the next page', async () => {
    const unavailable = (): Answer => ({ ok: false, status: 503, message: 'down' });
    const { manager, sent, store } = setup(Array.from({ length: 100 }, () => unavailable));
    await manager.choose({ analytics: 'accepted' });
    // Sixteen minutes of 503s (issue 22 §5: 17-18 attempts before).
    await vi.advanceTimersByTimeAsync(16 * 60_000);
    expect(sent).toHaveLength(8);
    await vi.runAllTimersAsync();
    expect(sent).toHaveLength(8);
    expect((await outboxOf(store))?.map((event) => event.label)).toEqual(['analytics']);
    // A later page (or a new decision) sends them again.
    await manager.flush();
    expect(sent).toHaveLength(9);
  });

  it('waits as long as Retry-After says', async () => {
    const { manager, sent } = setup([
      () => ({ ok: false, status: 429, message: 'slow down', retryAfter: 30 }),
    ]);
    await manager.choose({ analytics: 'accepted' });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toHaveLength(2);
  });

  it('renews an expired session once and resends', async () => {
    const { manager, sent, sessionCount } = setup([
      () => ({ ok: false, status: 401, message: 'expired' }),
    ]);
    await manager.choose({ analytics: 'accepted' });
    await manager.flush();
    expect(sent).toHaveLength(2);
    expect(sessionCount()).toBe(2);
  });

  it('moves events the server refuses as wrong to a dead-letter list instead of retrying', async () => {
    const { manager, sent, store, emitted } = setup([
      () => ({ ok: false, status: 400, message: 'bad' }),
    ]);
    await manager.choose({ analytics: 'accepted' });
    await vi.runAllTimersAsync();
    expect(sent).toHaveLength(1);
    expect(await outboxOf(store)).toEqual([]);
    expect(await store.get(`${PROJECT}:dead-letter`)).toHaveLength(1);
    expect(emitted).toContainEqual([
      'error',
      {
        message: 'consent event 00000000-0000-4000-8000-000000000001 refused by the site API: bad',
      },
    ]);
  });

  it('sends events a previous page left in the outbox, in batches of at most 100', async () => {
    const store = createMemoryStore();
    const left = Array.from({ length: 150 }, (_, i) => ({
      id: `left-${i}`,
      concordId: 'c0ffee00-0000-4000-8000-000000000001',
      consentState: 'viewed' as const,
      consentAction: 'implied' as const,
    }));
    await store.set(`${PROJECT}:outbox`, left);
    const { manager, sent } = setup([], store);
    await manager.flush();
    expect(sent.map((batch) => batch.length)).toEqual([100, 50]);
    expect(await outboxOf(store)).toEqual([]);
  });

  it('isolates a wrong event of a refused batch and still delivers the others', async () => {
    const store = createMemoryStore();
    const event = (id: string, label: string) => ({
      id,
      concordId: 'c0ffee00-0000-4000-8000-000000000001',
      label,
      consentState: 'accepted' as const,
      consentAction: 'user_click' as const,
    });
    await store.set(`${PROJECT}:outbox`, [
      event('good-1', 'analytics'),
      event('bad', 'nope'),
      event('good-2', 'analytics'),
    ]);
    const refuseNope = (items: ConsentEventInput[]): Answer =>
      items.some((item) => item.label === 'nope')
        ? { ok: false, status: 422, message: 'wrong' }
        : accepted(items);
    const { manager, sent } = setup(Array(4).fill(refuseNope), store);
    await manager.flush();
    expect(sent.map((batch) => batch.map((item) => item.id))).toEqual([
      ['good-1', 'bad', 'good-2'],
      ['good-1'],
      ['bad'],
      ['good-2'],
    ]);
    expect(await outboxOf(store)).toEqual([]);
    expect(await store.get(`${PROJECT}:dead-letter`)).toEqual([event('bad', 'nope')]);
    expect(manager.deadLetterCount()).toBe(1);
  });

  it('hands unacknowledged events to a keepalive request when the page goes away', async () => {
    const down = () => ({ ok: false, status: 503, message: 'down' }) as const;
    const { manager, runtime, sent } = setup([down, down]);
    const keepalive: boolean[] = [];
    const send = runtime.api.sendEvents;
    runtime.api.sendEvents = (token, items, options) => {
      keepalive.push(!!options?.keepalive);
      return send(token, items, options);
    };
    await manager.choose({ analytics: 'accepted' });
    // The send the decision started, and the one this flush asked for after it: both refused.
    await manager.flush();
    // The keepalive request starts synchronously.
    manager.flushOnExit();
    expect(keepalive).toEqual([false, false, true]);
    expect(sent[2]!.map((event) => event.label)).toEqual(['analytics']);
  });

  it('sends the events of a visitor forgotten by reset() under that visitor own session', async () => {
    const { manager, runtime, sent, sessionCount } = setup([
      () => ({ ok: false, status: 503, message: 'down' }),
    ]);
    await manager.choose({ analytics: 'accepted' });
    runtime.visitorId = undefined; // what reset() does
    await manager.choose({ analytics: 'declined' });
    await vi.runAllTimersAsync();
    const delivered = sent.slice(1).map((batch) => batch.map((event) => event.concordId));
    expect(delivered).toHaveLength(2);
    expect(delivered.every((visitors) => new Set(visitors).size === 1)).toBe(true);
    expect(new Set(delivered.flat()).size).toBe(2);
    expect(sessionCount()).toBe(2);
  });

  it('still delivers from memory when storage throws', async () => {
    const broken: KeyValueStore = {
      get: () => Promise.reject(new Error('blocked')),
      set: () => Promise.reject(new Error('blocked')),
      update: () => Promise.reject(new Error('blocked')),
      del: () => Promise.reject(new Error('blocked')),
    };
    const { manager, sent, runtime } = setup([], broken);
    expect(await manager.choose({ analytics: 'accepted' })).toBe(true);
    await manager.flush();
    expect(runtime.commit).toHaveBeenCalledOnce();
    expect(sent).toHaveLength(1);
    expect(manager.pendingCount()).toBe(0);
  });
});

describe('stored outbox', () => {
  it('reports an outbox it cannot read and delivers its events once it can', async () => {
    const store = createMemoryStore();
    const left = {
      id: 'left-1',
      concordId: 'c0ffee00-0000-4000-8000-000000000001',
      label: 'analytics',
      consentState: 'viewed' as const,
      consentAction: 'implied' as const,
    };
    await store.set(`${PROJECT}:outbox`, [left]);
    let failures = 1;
    const flaky: KeyValueStore = {
      ...store,
      get: (key) =>
        key.endsWith(':outbox') && failures-- > 0
          ? Promise.reject(new Error('read failed'))
          : store.get(key),
    };
    const { manager, sent, emitted } = setup([], flaky);
    await manager.flush();
    expect(emitted).toContainEqual([
      'error',
      {
        message: 'could not read the stored consent events, trying again later: Error: read failed',
      },
    ]);
    await vi.runAllTimersAsync();
    expect(sent.flat().map((event) => event.id)).toEqual(['left-1']);
    expect(await outboxOf(store)).toEqual([]);
  });

  it('forgets the dead letters on reset', async () => {
    const { manager, store } = setup([() => ({ ok: false, status: 400, message: 'bad' })]);
    await manager.choose({ analytics: 'accepted' });
    await vi.runAllTimersAsync();
    expect(await store.get(`${PROJECT}:dead-letter`)).toHaveLength(1);
    await manager.reset();
    expect(await store.get(`${PROJECT}:dead-letter`)).toBeUndefined();
    expect(manager.deadLetterCount()).toBe(0);
  });
});

describe('identify', () => {
  const record = (state: 'accepted' | 'declined', consentDate: string): ConsentStateItem => ({
    id: '00000000-0000-4000-8000-0000000000aa',
    consentType: 'id-analytics',
    label: 'analytics',
    version: 1,
    consentState: state,
    consentAction: 'user_click',
    consentDate,
    expirationDate: '2027-01-01T00:00:00.000Z',
  });
  const ada = () => identityToken({ email: 'ada@example.com', exp: NOW_S + 3600 });

  it('links the visitor with the token and adopts a more recent decision from another browser', async () => {
    const { manager, runtime, profiles, store } = setup([], createMemoryStore(), [
      record('accepted', '2026-11-20T00:00:00.000Z'),
    ]);
    const token = ada();
    expect(await manager.identify({ token })).toBe(true);
    expect(profiles).toEqual([token]);
    expect(runtime.identity).toEqual({ email: 'ada@example.com' });
    expect(runtime.decisions.analytics?.state).toBe('accepted');
    const stored = await store.get<Record<string, unknown>>(`${PROJECT}:decisions`);
    expect(Object.keys(stored ?? {})).toEqual(['analytics']);
  });

  // Issue 17: a decision made on device A through identify reaches device B whatever it is; a
  // refusal is adopted exactly as an acceptance is, over B's own earlier opposite choice.
  for (const [onA, onB] of [
    ['declined', 'accepted'],
    ['accepted', 'declined'],
  ] as const) {
    it(`adopts a ${onA} made on another device over this device's earlier ${onB}, and stores it`, async () => {
      const { manager, runtime, store } = setup([], createMemoryStore(), [
        record(onA, '2026-11-22T11:00:00.000Z'),
      ]);
      const clock = runtime.now;
      runtime.now = () => new Date('2026-11-22T10:00:00.000Z');
      await manager.choose({ analytics: onB });
      runtime.now = clock;
      expect(runtime.states().analytics).toBe(onB);
      expect(await manager.identify({ token: ada() })).toBe(true);
      expect(runtime.states().analytics).toBe(onA);
      expect(runtime.decisions.analytics).toMatchObject({
        state: onA,
        eventId: '00000000-0000-4000-8000-0000000000aa',
      });
      const stored = await store.get<Record<string, { state: string }>>(`${PROJECT}:decisions`);
      expect(stored?.analytics?.state).toBe(onA);
    });
  }

  it('keeps its own decision when it is more recent than the merged one', async () => {
    const { manager, runtime } = setup([], createMemoryStore(), [
      record('accepted', '2026-01-01T00:00:00.000Z'),
    ]);
    await manager.choose({ analytics: 'declined' });
    vi.mocked(runtime.commit).mockClear();
    expect(await manager.identify({ token: ada() })).toBe(true);
    expect(runtime.commit).not.toHaveBeenCalled();
    expect(runtime.decisions.analytics?.state).toBe('declined');
  });

  it('never adopts a decision dated after now, however recent it claims to be', async () => {
    const { manager, runtime } = setup([], createMemoryStore(), [
      record('accepted', '2026-12-22T12:00:00.000Z'),
    ]);
    await manager.choose({ analytics: 'declined' });
    vi.mocked(runtime.commit).mockClear();
    expect(await manager.identify({ token: ada() })).toBe(true);
    expect(runtime.commit).not.toHaveBeenCalled();
    expect(runtime.decisions.analytics?.state).toBe('declined');
    const now = runtime.now();
    const types = config.consentTypes;
    // Within the clock skew a decision counts; a minute past it, it does not.
    const within = new Date(now.getTime() + CLOCK_SKEW_MS).toISOString();
    const past = new Date(now.getTime() + CLOCK_SKEW_MS + 60_000).toISOString();
    expect(Object.keys(decisionsToAdopt([record('accepted', within)], {}, types, now))).toEqual([
      'analytics',
    ]);
    expect(decisionsToAdopt([record('accepted', past)], {}, types, now)).toEqual({});
  });

  it('adopts decisions on a test type only in preview', async () => {
    const records = [
      {
        ...record('accepted', '2026-11-20T00:00:00.000Z'),
        label: 'trial',
        consentType: 'id-trial',
      },
    ];
    const types = [...config.consentTypes, type('trial', { status: 'test' })];
    const now = new Date('2026-11-22T12:00:00.000Z');
    expect(decisionsToAdopt(records, {}, types, now)).toEqual({});
    expect(Object.keys(decisionsToAdopt(records, {}, types, now, true))).toEqual(['trial']);
    const { manager, runtime } = setup([], createMemoryStore(), records);
    runtime.config = { ...config, consentTypes: types };
    expect(await manager.identify({ token: ada() })).toBe(true);
    expect(runtime.decisions.trial).toBeUndefined();
  });

  it.each([
    ['identifiers instead of a token', { email: 'ada@example.com' }, 'identify needs { token }'],
    ['no token', {}, 'identify needs { token }'],
    ['nothing', undefined, 'identify needs { token }'],
    [
      'an unsigned token',
      { token: identityToken({ userId: 'u', exp: NOW_S + 60 }, 'none') },
      'HS256',
    ],
    ['an expired token', { token: identityToken({ userId: 'u', exp: NOW_S - 60 }) }, 'expired'],
    [
      'a token living over 24 hours',
      { token: identityToken({ userId: 'u', exp: NOW_S + 90_000 }) },
      'over 24 hours',
    ],
    [
      'a token with two identifiers',
      { token: identityToken({ userId: 'u', email: 'a@b.co', exp: NOW_S + 60 }) },
      'exactly one',
    ],
  ])('refuses %s, reports an error and sends nothing', async (_name, input, message) => {
    const { manager, emitted, profiles, sessionCount, runtime } = setup();
    expect(await manager.identify(input)).toBe(false);
    expect(profiles).toEqual([]);
    expect(sessionCount()).toBe(0);
    expect(runtime.identity).toBeUndefined();
    const errors = emitted.filter(([name]) => name === 'error');
    expect(errors).toHaveLength(1);
    expect((errors[0]![1] as { message: string }).message).toContain(message);
  });

  it('resolves false and links nothing when the server refuses the token', async () => {
    const { manager, emitted, runtime } = setup();
    runtime.api.putProfile = async () => ({
      ok: false,
      status: 403,
      message: "the identity token is not signed with this project's identity secret",
    });
    expect(await manager.identify({ token: ada() })).toBe(false);
    expect(runtime.identity).toBeUndefined();
    expect(emitted).toContainEqual([
      'error',
      {
        message:
          "could not identify the visitor: the identity token is not signed with this project's identity secret",
      },
    ]);
  });
});

describe('visitor secret', () => {
  it('makes a secret beside a new visitor id, stores both and sends both for its sessions', async () => {
    const { manager, runtime, store, sessionRequests } = setup();
    runtime.visitorId = undefined;
    runtime.visitorSecret = undefined;
    await manager.choose({ analytics: 'accepted' });
    await manager.flush();
    expect(runtime.visitorSecret).toMatch(/^[0-9a-f-]{72}$/);
    expect(await store.get(`${PROJECT}:visitor`)).toBe(runtime.visitorId);
    expect(await store.get(`${PROJECT}:visitor-secret`)).toBe(runtime.visitorSecret);
    expect(sessionRequests).toEqual([
      { concordId: runtime.visitorId, visitorSecret: runtime.visitorSecret },
    ]);
  });

  it('gives a visitor id stored before visitor secrets a secret of its own', async () => {
    const { manager, runtime, store, sessionRequests } = setup();
    runtime.visitorSecret = undefined;
    await manager.choose({ analytics: 'accepted' });
    await manager.flush();
    expect(runtime.visitorId).toBe('c0ffee00-0000-4000-8000-000000000001');
    expect(runtime.visitorSecret).toMatch(/^[0-9a-f-]{72}$/);
    expect(await store.get(`${PROJECT}:visitor-secret`)).toBe(runtime.visitorSecret);
    expect(sessionRequests).toEqual([
      { concordId: runtime.visitorId, visitorSecret: runtime.visitorSecret },
    ]);
  });

  it('starts a new visitor when the server refuses the stored secret, instead of asking again', async () => {
    const { manager, runtime, store, sessionRequests, sent } = setup();
    const create = runtime.api.createSession;
    runtime.api.createSession = (visitor) =>
      visitor?.concordId === 'c0ffee00-0000-4000-8000-000000000001'
        ? Promise.resolve({
            ok: false,
            status: 403,
            message: "the visitorSecret is not this visitor's",
          })
        : create(visitor);
    await manager.choose({ analytics: 'accepted' });
    await vi.runAllTimersAsync();
    // The old visitor's events cannot be delivered: they are dead letters, not retried.
    expect(sent).toEqual([]);
    expect(manager.deadLetterCount()).toBe(1);
    expect(runtime.visitorId).toBe('c0ffee00-0000-4000-8000-100000000001');
    expect(runtime.visitorSecret).toBe('server-made-secret-1'.padEnd(43, 'x'));
    expect(await store.get(`${PROJECT}:visitor-secret`)).toBe(runtime.visitorSecret);
    // Later decisions go out as the new visitor.
    await manager.choose({ analytics: 'declined' });
    await vi.runAllTimersAsync();
    expect(sent.flat().map((event) => event.concordId)).toEqual([runtime.visitorId]);
    expect(sessionRequests.length).toBeLessThanOrEqual(3);
  });

  it('keeps the visitor and retries when every session is refused (an origin the project does not allow)', async () => {
    const { manager, runtime } = setup();
    runtime.api.createSession = () =>
      Promise.resolve({ ok: false, status: 403, message: 'origin not allowed' });
    await manager.choose({ analytics: 'accepted' });
    await manager.flush();
    expect(runtime.visitorId).toBe('c0ffee00-0000-4000-8000-000000000001');
    expect(runtime.visitorSecret).toBe(VISITOR_SECRET);
    expect(manager.deadLetterCount()).toBe(0);
    expect(manager.pendingCount()).toBe(1);
  });
});
