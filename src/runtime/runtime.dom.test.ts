import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SiteApi } from '../api/site-api.ts';
import { createEmitter } from '../core/emitter.ts';
import { consentType, siteConfig, TEST_PROJECT } from '../core/testing.ts';
import type { Decision } from '../core/types.ts';
import { connectDataLayer } from '../integrations/data-layer.ts';
import { startConsentMode } from '../integrations/google-consent-mode.ts';
import { applyGates } from '../integrations/script-gate.ts';
import { createMemoryStore } from '../storage/key-value-store.ts';
import { readMirror } from '../storage/sync-mirror.ts';
import { createRuntime, type AssentEvents } from './runtime.ts';

const PROJECT = TEST_PROJECT;
const analytics = consentType('analytics');
const config = siteConfig([analytics]);
const decision = (state: Decision['state']): Decision => ({
  label: 'analytics',
  consentType: analytics.id,
  version: 1,
  state,
  action: 'user_click',
  consentDate: '2026-11-22T08:00:00.000Z',
  expirationDate: '2027-04-22T08:00:00.000Z',
  eventId: `event-${state}`,
});

function setup() {
  const emitter = createEmitter<AssentEvents>();
  const consentMode = startConsentMode(PROJECT);
  const update = vi.spyOn(consentMode, 'update');
  const runtime = createRuntime({
    projectId: PROJECT,
    preview: false,
    store: createMemoryStore(),
    api: {} as SiteApi,
    emitter,
    languages: ['en'],
    consentMode,
    applyGates,
    now: () => new Date('2026-11-22T12:00:00.000Z'),
  });
  connectDataLayer(emitter, consentMode.disabled);
  runtime.config = config;
  const changes: AssentEvents['change'][] = [];
  emitter.on('change', (detail) => void changes.push(detail));
  return { runtime, update, changes };
}

/** The `consent update` commands in `dataLayer`, as gtag.js reads them. */
const consentUpdates = () =>
  (window.dataLayer ?? []).filter(
    (entry) => typeof entry === 'object' && entry !== null && (entry as IArguments)[1] === 'update',
  );

afterEach(() => {
  localStorage.clear();
  delete window.dataLayer;
});

describe('commit', () => {
  it('updates Google Consent Mode once per change', () => {
    const { runtime, update } = setup();
    runtime.commit({ analytics: decision('accepted') });
    expect(update).toHaveBeenCalledOnce();
    runtime.commit({ analytics: decision('declined') });
    expect(update).toHaveBeenCalledTimes(2);
    expect(consentUpdates()).toHaveLength(2);
  });

  it('mirrors the decisions synchronously and emits the valid states', () => {
    const { runtime, changes } = setup();
    runtime.commit({ analytics: decision('accepted') });
    expect(readMirror(PROJECT)?.decisions).toEqual({ analytics: decision('accepted') });
    expect(changes).toEqual([{ states: { analytics: 'accepted' }, changed: ['analytics'] }]);
    expect(runtime.states()).toEqual({ analytics: 'accepted' });
  });

  it('starts gated scripts within the commit, after the Consent Mode update their tags read', () => {
    const { runtime } = setup();
    document.body.innerHTML =
      '<script type="text/plain" data-consent="analytics" src="/analytics.js"></script>';
    // What Google tags would see from a gated script as it is put in the page.
    const updatesSeen: number[] = [];
    const { replaceWith } = Element.prototype;
    const spy = vi.spyOn(Element.prototype, 'replaceWith').mockImplementation(function (
      this: Element,
      ...nodes
    ) {
      updatesSeen.push(consentUpdates().length);
      replaceWith.apply(this, nodes);
    });
    runtime.commit({ analytics: decision('accepted') });
    spy.mockRestore();
    // Not a microtask later, behind the rest of a click's work; and the update came first.
    expect(updatesSeen).toEqual([1]);
  });
});

describe('commit of decisions made at once in two tabs (issue 22 §4)', () => {
  const at = (state: Decision['state'], consentDate: string): Decision => ({
    ...decision(state),
    consentDate,
  });

  it('keeps the later decision when an earlier one comes after it, and emits no change', () => {
    const { runtime, update, changes } = setup();
    runtime.commit({ analytics: at('declined', '2026-11-22T08:00:00.002Z') });
    runtime.commit({ analytics: at('accepted', '2026-11-22T08:00:00.001Z') }, true);
    expect(runtime.states()).toEqual({ analytics: 'declined' });
    expect(readMirror(PROJECT)?.decisions.analytics?.state).toBe('declined');
    expect(update).toHaveBeenCalledOnce();
    expect(changes).toHaveLength(1);
  });

  it('takes a later decision from another tab', () => {
    const { runtime, changes } = setup();
    runtime.commit({ analytics: at('accepted', '2026-11-22T08:00:00.001Z') });
    runtime.commit({ analytics: at('declined', '2026-11-22T08:00:00.002Z') }, true);
    expect(runtime.states()).toEqual({ analytics: 'declined' });
    expect(changes.map((change) => change.changed)).toEqual([['analytics'], ['analytics']]);
  });
});

describe('forget', () => {
  it('drops the decisions, the visitor and the mirror, and tells Google tags once', () => {
    const { runtime, update, changes } = setup();
    runtime.commit({ analytics: decision('accepted') });
    runtime.visitorId = 'c0ffee00-0000-4000-8000-000000000001';
    runtime.forget();
    expect(update).toHaveBeenCalledTimes(2);
    expect(consentUpdates()).toHaveLength(2);
    expect(runtime.decisions).toEqual({});
    expect(runtime.visitorId).toBeUndefined();
    expect(readMirror(PROJECT)).toBeNull();
    expect(changes.at(-1)).toEqual({ states: {}, changed: [] });
  });
});
