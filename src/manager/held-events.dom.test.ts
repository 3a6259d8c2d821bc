/**
 * A decision's events are held in localStorage before anything is awaited (their proof hashes
 * the notice, the outbox is IndexedDB), so that a page left right after the decision loses no
 * record: the next page's outbox sends them (src/storage/pending-events.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult, SiteApi } from '../api/site-api.ts';
import { createEmitter } from '../core/emitter.ts';
import { consentType, siteConfig } from '../core/testing.ts';
import type { ConsentEventInput, SiteConfig } from '../core/types.ts';
import { validDecisions } from '../core/decision.ts';
import type { AssentEvents, Runtime } from '../runtime/runtime.ts';
import { testManager } from './testing.ts';
import type { ChoiceOrigin } from '../runtime/bundles.ts';
import { createMemoryStore, type KeyValueStore } from '../storage/key-value-store.ts';
import { addPending, readPending } from '../storage/pending-events.ts';

const PROJECT = '00000000-0000-4000-8000-00000000000b';
const VISITOR = 'c0ffee00-0000-4000-8000-000000000001';
const NOW = Date.parse('2026-11-22T12:00:00.000Z');
const config: SiteConfig = siteConfig([
  consentType('analytics', { name: 'Analytics', consentDuration: 'P6M' }),
]);
const origin: ChoiceOrigin = {
  surface: 'notice',
  shown: {
    language: 'en',
    texts: { title: 'We value your privacy' },
    types: config.consentTypes,
    buttons: ['acceptAll'],
  },
};

/** A page: its runtime, outbox and manager over `store`, the fake site API recording sends. */
function page(store: KeyValueStore, sent: { items: ConsentEventInput[]; keepalive: boolean }[]) {
  const api = {
    createSession: async (visitor?: { concordId: string }) => ({
      ok: true,
      value: {
        id: 'session-1',
        token: 'token-1',
        concordId: visitor?.concordId ?? VISITOR,
        geography: 'unknown',
        expiresAt: new Date(NOW + 3_600_000).toISOString(),
      },
    }),
    sendEvents: async (
      _token: string,
      items: ConsentEventInput[],
      options?: { keepalive?: boolean },
    ) => {
      sent.push({ items, keepalive: !!options?.keepalive });
      return { ok: true, value: { count: items.length, items: [] } } as ApiResult<never>;
    },
  } as unknown as SiteApi;
  const inner = createEmitter<AssentEvents>();
  const runtime: Runtime = {
    projectId: PROJECT,
    config,
    decisions: {},
    visitorId: VISITOR,
    visitorSecret: 's'.repeat(43),
    preview: false,
    store,
    api,
    emitter: inner,
    now: () => new Date(Date.now()),
    languages: ['en'],
    valid: () => validDecisions(runtime.decisions, config.consentTypes, runtime.now(), false),
    states: () => ({}),
    apply: () => {},
    commit: (decisions) => void (runtime.decisions = { ...runtime.decisions, ...decisions }),
    forget: () => {},
  };
  const manager = testManager(runtime);
  return { runtime, manager };
}

const event = (id: string, at: number): ConsentEventInput => ({
  id,
  concordId: VISITOR,
  label: 'analytics',
  consentState: 'accepted',
  consentAction: 'user_click',
  consentDate: new Date(at).toISOString(),
  proof: { surface: 'notice', signals: { gpc: false } },
});

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('held events', () => {
  it('holds a decision’s events synchronously, and lets them go once the outbox has them', async () => {
    const store = createMemoryStore();
    const { manager } = page(store, []);
    const choice = manager.choose({ analytics: 'accepted' }, 'user_click', origin);
    // Before anything is awaited: what a page left now still has.
    expect(readPending(PROJECT).map((e) => `${e.label}:${e.consentState}`)).toEqual([
      'analytics:accepted',
    ]);
    await choice;
    expect(readPending(PROJECT)).toEqual([]);
    const stored = await store.get<ConsentEventInput[]>(`${PROJECT}:outbox`);
    expect(stored?.map((e) => e.proof?.noticeHash)).toEqual([
      expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);
  });

  it('a click on a notice hashed before is recorded with its whole proof at once', async () => {
    const { manager } = page(createMemoryStore(), []);
    // The notice's own viewed events hashed it.
    await manager.recordViewed(['analytics'], origin);
    const choice = manager.choose({ analytics: 'accepted' }, 'user_click', origin);
    const held = readPending(PROJECT).find((e) => e.consentAction === 'user_click');
    expect(held?.proof?.noticeHash).toMatch(/^[0-9a-f]{64}$/);
    await choice;
  });

  it('the next page sends what a page left before its outbox took it', async () => {
    addPending(PROJECT, [event('00000000-0000-4000-8000-0000000000aa', NOW - 6000)]);
    const sent: { items: ConsentEventInput[]; keepalive: boolean }[] = [];
    const { manager } = page(createMemoryStore(), sent);
    await manager.flush();
    expect(sent.flatMap((s) => s.items.map((e) => e.id))).toEqual([
      '00000000-0000-4000-8000-0000000000aa',
    ]);
    expect(readPending(PROJECT)).toEqual([]);
  });

  it('leaves a held event younger than five seconds to its own tab, then sends it', async () => {
    addPending(PROJECT, [event('00000000-0000-4000-8000-0000000000bb', NOW - 1000)]);
    const sent: { items: ConsentEventInput[]; keepalive: boolean }[] = [];
    const { manager } = page(createMemoryStore(), sent);
    await manager.flush();
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent.flatMap((s) => s.items.map((e) => e.id))).toEqual([
      '00000000-0000-4000-8000-0000000000bb',
    ]);
    expect(readPending(PROJECT)).toEqual([]);
  });

  it('a leaving page sends the held events as they are, and that body stays theirs', async () => {
    const sent: { items: ConsentEventInput[]; keepalive: boolean }[] = [];
    const { manager } = page(createMemoryStore(), sent);
    await manager.sessionToken();
    const choice = manager.choose({ analytics: 'accepted' }, 'user_click', origin);
    // `pagehide` before the proof's hash was made.
    manager.flushOnExit(true);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.keepalive).toBe(true);
    const left = sent[0]!.items[0]!;
    expect(left.proof?.noticeHash).toBeUndefined();
    // bfcache: the page lives on, and its proof is made; what goes out is the body sent.
    await choice;
    await manager.flush();
    const again = sent
      .slice(1)
      .flatMap((s) => s.items)
      .filter((e) => e.id === left.id);
    expect(again.every((e) => JSON.stringify(e) === JSON.stringify(left))).toBe(true);
  });

  it('a hidden page does not send held events: they are in localStorage', async () => {
    const sent: { items: ConsentEventInput[]; keepalive: boolean }[] = [];
    const { manager } = page(createMemoryStore(), sent);
    await manager.sessionToken();
    const choice = manager.choose({ analytics: 'accepted' }, 'user_click', origin);
    manager.flushOnExit();
    expect(sent).toEqual([]);
    await choice;
  });
});
