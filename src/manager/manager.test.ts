import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult, SiteApi } from '../api/site-api.ts';
import { createEmitter } from '../core/emitter.ts';
import type {
  ConsentEventInput,
  ConsentEventRecord,
  ConsentType,
  SiteConfig,
} from '../core/types.ts';
import { createMemoryStore, type KeyValueStore } from '../storage/key-value-store.ts';
import { createManager } from './index.ts';
import { decisionsToAdopt } from './identity.ts';
import { createOutbox } from './outbox.ts';
import { validDecisions } from '../core/decision.ts';
import type { AssentEvents, Runtime } from '../runtime/runtime.ts';

const PROJECT = '00000000-0000-4000-8000-00000000000b';
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
const config: SiteConfig = {
  projectId: PROJECT,
  name: 'Test',
  consentTypes: [
    type('necessary', { required: true, validStates: ['accepted'] }),
    type('analytics'),
  ],
  defaultConsentDuration: 'P6M',
  texts: {},
  defaultLanguage: 'en',
  theme: { accent: '#000' },
  geography: 'unknown',
  policy: 'opt-in',
};

type Answer = ApiResult<unknown>;
const accepted = (items: ConsentEventInput[]): Answer => ({
  ok: true,
  value: { count: items.length, items: [] },
});

function setup(
  answers: Array<(items: ConsentEventInput[]) => Answer> = [],
  store: KeyValueStore = createMemoryStore(),
  merged: ConsentEventRecord[] = [],
) {
  const sent: ConsentEventInput[][] = [];
  const profiles: unknown[] = [];
  let sessions = 0;
  const api: SiteApi = {
    getConfig: async () => ({ ok: true, value: config }),
    createSession: async (concordId) => ({
      ok: true,
      value: {
        id: `session-${++sessions}`,
        token: `token-${sessions}`,
        concordId: concordId ?? 'new',
        geography: 'unknown',
        expiresAt: '2026-11-22T13:00:00.000Z', // an hour after the runtime's clock
      },
    }),
    sendEvents: async (_token, items) => {
      sent.push(items);
      return (answers.shift() ?? accepted)(items) as never;
    },
    putProfile: async (_token, identifiers) => {
      profiles.push(identifiers);
      return { ok: true, value: { items: merged } };
    },
    getConsentState: async () => ({ ok: true, value: { items: merged } }),
  };
  const emitted: Array<[string, unknown]> = [];
  const inner = createEmitter<AssentEvents>();
  const runtime: Runtime = {
    projectId: PROJECT,
    config,
    decisions: {},
    visitorId: 'c0ffee00-0000-4000-8000-000000000001',
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
    }),
  };
  let id = 0;
  const outbox = createOutbox(runtime, { random: () => 0.5, exclusive: (_name, task) => task() });
  const manager = createManager(
    runtime,
    outbox,
    () => `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}`,
  );
  return { runtime, manager, sent, emitted, store, profiles, sessionCount: () => sessions };
}

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
    const { manager, runtime, sent } = setup([() => ({ ok: false, status: 503, message: 'down' })]);
    const keepalive: boolean[] = [];
    const send = runtime.api.sendEvents;
    runtime.api.sendEvents = (token, items, options) => {
      keepalive.push(!!options?.keepalive);
      return send(token, items, options);
    };
    await manager.choose({ analytics: 'accepted' });
    await manager.flush();
    // The keepalive request starts synchronously; the retry that the flush during the first
    // send asked for comes a few ticks later, and is not what this test is about.
    manager.flushOnExit();
    expect(keepalive).toEqual([false, true]);
    expect(sent[1]!.map((event) => event.label)).toEqual(['analytics']);
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
  const record = (state: 'accepted' | 'declined', consentDate: string): ConsentEventRecord => ({
    id: '00000000-0000-4000-8000-0000000000aa',
    concordId: 'c0ffee00-0000-4000-8000-000000000002',
    consentType: 'id-analytics',
    label: 'analytics',
    version: 1,
    consentState: state,
    consentAction: 'user_click',
    consentDate,
    expirationDate: '2027-01-01T00:00:00.000Z',
  });

  it('links the visitor and adopts a more recent decision from another browser', async () => {
    const { manager, runtime, profiles, store } = setup([], createMemoryStore(), [
      record('accepted', '2026-11-20T00:00:00.000Z'),
    ]);
    expect(await manager.identify({ email: ' ada@example.com ', phone: 'x' })).toBe(true);
    expect(profiles).toEqual([{ email: 'ada@example.com' }]);
    expect(runtime.identity).toEqual({ email: 'ada@example.com' });
    expect(runtime.decisions.analytics?.state).toBe('accepted');
    const stored = await store.get<Record<string, unknown>>(`${PROJECT}:decisions`);
    expect(Object.keys(stored ?? {})).toEqual(['analytics']);
  });

  it('keeps its own decision when it is more recent than the merged one', async () => {
    const { manager, runtime } = setup([], createMemoryStore(), [
      record('accepted', '2026-01-01T00:00:00.000Z'),
    ]);
    await manager.choose({ analytics: 'declined' });
    vi.mocked(runtime.commit).mockClear();
    expect(await manager.identify({ userId: 'u-1' })).toBe(true);
    expect(runtime.commit).not.toHaveBeenCalled();
    expect(runtime.decisions.analytics?.state).toBe('declined');
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
    expect(await manager.identify({ userId: 'u-1' })).toBe(true);
    expect(runtime.decisions.trial).toBeUndefined();
  });

  it('refuses a call without any identifier and reports an error', async () => {
    const { manager, emitted, profiles } = setup();
    expect(await manager.identify({ nickname: 'ada' })).toBe(false);
    expect(profiles).toEqual([]);
    expect(emitted).toContainEqual([
      'error',
      { message: 'identify needs one of userId, email, phoneNumber, projectUserId' },
    ]);
  });
});
