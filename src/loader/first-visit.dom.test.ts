import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmitter } from '../core/emitter.ts';
import { consentType, siteConfig, TEST_PROJECT } from '../core/testing.ts';
import type { ConsentState, SiteConfig } from '../core/types.ts';
import type { AssentEvents } from '../runtime/runtime.ts';
import type { Manager, NoticeBundle } from '../runtime/bundles.ts';
import { writeMirror } from '../storage/sync-mirror.ts';
import { startWithNotice } from './first-visit.ts';
import type { LoaderContext, LoaderRest } from './rest.ts';

const PROJECT = TEST_PROJECT;
const analytics = consentType('analytics');
const config = siteConfig([analytics]);

/** The loader's context for a per-project loader with `embedded` (happy-dom has no IndexedDB: none read). */
function contextWith(embedded: SiteConfig | undefined): LoaderContext {
  return {
    options: { projectId: PROJECT, preview: false, embedded, assetBase: '/assent/' },
    emitter: createEmitter<AssentEvents>(),
    config: embedded,
    languages: ['en'],
    failed: vi.fn(),
  } as unknown as LoaderContext;
}

/**
 * A second half whose `ready` and manager the test settles; `states` is what its runtime holds
 * once ready (read from the mirror another tab wrote, say).
 */
function fakeRest(states: Record<string, ConsentState> = {}) {
  const manager = { choose: vi.fn() } as unknown as Manager;
  let settle = () => {};
  const ready = new Promise<void>((resolve) => (settle = resolve));
  const half = {
    ready: ready.then(() => ({})),
    manager: vi.fn(async () => manager),
    showPreferences: vi.fn(async () => {}),
    runtime: {
      decisions: Object.fromEntries(Object.keys(states).map((label) => [label, {}])),
      states: () => states,
    },
  } as unknown as LoaderRest;
  const importRest = vi.fn(async (_query: string) => ({ startRest: () => half }));
  return { half, manager, importRest, settle };
}

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

describe('startWithNotice', () => {
  it('shows the notice before it imports the second half, and resolves to the second half', async () => {
    const rest = fakeRest();
    const order: string[] = [];
    const showNotice = vi.fn<NoticeBundle['showNotice']>(async () => void order.push('notice'));
    rest.importRest.mockImplementation(async () => {
      order.push('rest');
      return { startRest: () => rest.half };
    });
    const started = await startWithNotice(contextWith(config), showNotice, rest.importRest);
    expect(started).toBe(rest.half);
    expect(order).toEqual(['notice', 'rest']);
    expect(showNotice.mock.calls[0]![0].config).toBe(config);
    expect(showNotice.mock.calls[0]![1].labels).toBeUndefined();
  });

  it('hands a click the manager only once the second half is ready', async () => {
    const rest = fakeRest();
    const showNotice = vi.fn<NoticeBundle['showNotice']>(async () => {});
    await startWithNotice(contextWith(config), showNotice, rest.importRest);
    let got: Manager | undefined;
    void showNotice.mock.calls[0]![1].manager().then((manager) => (got = manager));
    await new Promise((done) => setTimeout(done, 10));
    expect(got).toBeUndefined();
    rest.settle();
    await vi.waitFor(() => expect(got).toBe(rest.manager));
  });

  it('leaves the notice to the second half when the mirror holds a decision', async () => {
    writeMirror(PROJECT, {
      decisions: {
        analytics: {
          label: 'analytics',
          consentType: analytics.id,
          version: 1,
          state: 'accepted',
          action: 'user_click',
          consentDate: '2026-11-22T08:00:00.000Z',
          expirationDate: '2027-04-22T08:00:00.000Z',
          eventId: 'event-accepted',
        },
      },
    });
    const rest = fakeRest();
    const showNotice = vi.fn<NoticeBundle['showNotice']>(async () => {});
    expect(await startWithNotice(contextWith(config), showNotice, rest.importRest)).toBe(rest.half);
    expect(showNotice).not.toHaveBeenCalled();
  });

  it('leaves it to the second half without an embedded config, for the TCF, and where the plan implies', async () => {
    for (const embedded of [
      undefined,
      { ...config, tcf: {} } as SiteConfig,
      { ...config, policy: 'opt-out' } as SiteConfig,
    ]) {
      const rest = fakeRest();
      const showNotice = vi.fn<NoticeBundle['showNotice']>(async () => {});
      expect(await startWithNotice(contextWith(embedded), showNotice, rest.importRest)).toBe(
        rest.half,
      );
      expect(showNotice).not.toHaveBeenCalled();
    }
  });

  it('asks again for a second half that did not download, under another URL, and a click waits for it', async () => {
    vi.useFakeTimers();
    const rest = fakeRest();
    rest.importRest.mockImplementation(async (query) => {
      // A network gone for a moment: the first two downloads fail.
      if (rest.importRest.mock.calls.length < 3) throw new TypeError(`no ${query}`);
      return { startRest: () => rest.half };
    });
    const showNotice = vi.fn<NoticeBundle['showNotice']>(async () => {});
    const context = contextWith(config);
    const starting = startWithNotice(context, showNotice, rest.importRest);
    await vi.waitFor(() => expect(showNotice).toHaveBeenCalled());
    let got: Manager | undefined;
    void showNotice.mock.calls[0]![1].manager().then((manager) => (got = manager));
    // 1 s after the first failure, 2 s after the second.
    await vi.advanceTimersByTimeAsync(3000);
    expect(rest.importRest.mock.calls.map(([query]) => query)).toEqual([
      '',
      '?retry=1',
      '?retry=2',
    ]);
    expect(await starting).toBe(rest.half);
    expect(got).toBeUndefined();
    rest.settle();
    await vi.waitFor(() => expect(got).toBe(rest.manager));
    expect(context.failed).not.toHaveBeenCalled();
  });

  it('reports a second half that never downloads, changes nothing, and starts again at the next click', async () => {
    vi.useFakeTimers();
    const rest = fakeRest();
    rest.importRest.mockRejectedValue(new TypeError('offline'));
    const showNotice = vi.fn<NoticeBundle['showNotice']>(async () => {});
    const context = contextWith(config);
    const starting = startWithNotice(context, showNotice, rest.importRest).catch(
      (error: unknown) => error,
    );
    await vi.waitFor(() => expect(showNotice).toHaveBeenCalled());
    const { manager } = showNotice.mock.calls[0]![1];
    const click = manager().catch((error: unknown) => error);
    // 1 + 2 + 4 + 8 s: four more tries, then the click and the loader hear of the failure.
    await vi.advanceTimersByTimeAsync(15_000);
    expect(rest.importRest).toHaveBeenCalledTimes(5);
    expect(await click).toBeInstanceOf(TypeError);
    expect(await starting).toBeInstanceOf(TypeError);
    expect(context.failed).toHaveBeenCalledTimes(1);
    rest.importRest.mockResolvedValue({ startRest: () => rest.half });
    const again = manager();
    rest.settle();
    expect(await again).toBe(rest.manager);
    expect(rest.importRest).toHaveBeenLastCalledWith('?retry=5');
  });

  it('closes its notice when the second half finds every purpose decided in another tab, not some', async () => {
    const both = siteConfig([analytics, consentType('marketing')]);
    for (const [states, closes] of [
      [{ analytics: 'accepted', marketing: 'declined' }, true],
      [{ analytics: 'accepted' }, false],
    ] as const) {
      const rest = fakeRest(states);
      const context = contextWith(both);
      const changes: unknown[] = [];
      context.emitter.on('change', (change) => changes.push(change));
      await startWithNotice(
        context,
        vi.fn(async () => {}),
        rest.importRest,
      );
      rest.settle();
      await new Promise((done) => setTimeout(done, 10));
      expect(changes).toEqual(closes ? [{ states, changed: ['analytics', 'marketing'] }] : []);
    }
  });
});
