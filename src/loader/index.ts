/**
 * The classic script a site includes. Installs `window.assent`, reads stored decisions, gates
 * tags, and imports the manager and UI bundles by URL only when they are needed: a returning
 * visitor with valid decisions downloads nothing else.
 */
import { createSiteApi } from '../api/site-api.ts';
import { isShownInNotice } from '../core/consent-type.ts';
import { isAllowingState, validDecisions } from '../core/decision.ts';
import { createEmitter, type Emitter } from '../core/emitter.ts';
import type { ConsentState } from '../core/types.ts';
import { clearCookiesOnWithdrawal } from '../integrations/cookie-clearing.ts';
import { connectDataLayer, startConsentMode } from '../integrations/data-layer.ts';
import { applyGates, observeGates } from '../integrations/script-gate.ts';
import type * as ManagerModule from '../manager/index.ts';
import type { AssentEvents, Runtime } from '../manager/runtime.ts';
import { clearVisitor, readStoredState, writeConfig } from '../storage/consent-records.ts';
import { createIndexedDbStore } from '../storage/key-value-store.ts';
import type * as NoticeModule from '../ui/notice/index.tsx';
import { readScriptTag } from './script-tag.ts';
import { drainQueue, type AssentApi } from './window-api.ts';

declare global {
  interface Window {
    assent?: AssentApi | unknown[];
  }
}

const PREFIX = '[assent]';

function createPageEmitter(): Emitter<AssentEvents> {
  const inner = createEmitter<AssentEvents>((error) =>
    console.error(PREFIX, 'an assent event handler threw', error),
  );
  return {
    on: inner.on,
    emit(name, detail) {
      inner.emit(name, detail);
      document.dispatchEvent(new CustomEvent(`assent:${String(name)}`, { detail }));
    },
  };
}

function boot(): void {
  const existing = window.assent;
  // Included twice: the first instance keeps serving the page.
  if (existing && !Array.isArray(existing)) return;

  const options = readScriptTag(document.currentScript as HTMLScriptElement | null);
  const emitter = createPageEmitter();
  const projectId = options.projectId ?? '';
  // First, synchronously: before any Google tag reads dataLayer.
  const consentMode = startConsentMode(projectId);
  const runtime: Runtime = {
    projectId,
    config: undefined,
    decisions: {},
    visitorId: undefined,
    store: createIndexedDbStore(),
    api: createSiteApi({
      base: options.apiBase,
      projectId,
      ...(options.region ? { configQuery: { region: options.region } } : {}),
    }),
    emitter,
    now: () => new Date(),
    languages: [options.language, document.documentElement.lang, ...navigator.languages].filter(
      (language): language is string => !!language,
    ),
    commit(decisions) {
      runtime.decisions = { ...runtime.decisions, ...decisions };
      apply();
      emitter.emit('change', { states: states(), changed: Object.keys(decisions) });
    },
  };

  function states(): Record<string, ConsentState> {
    if (!runtime.config) return {};
    const valid = validDecisions(runtime.decisions, runtime.config.consentTypes, runtime.now());
    return Object.fromEntries(Object.entries(valid).map(([label, d]) => [label, d.state]));
  }
  const allowed = (label: string) => isAllowingState(states()[label]);
  const apply = () => {
    const current = states();
    void applyGates((label) => current[label], options.nonce);
    consentMode.update(runtime.config, current);
  };

  const importBundle = <T>(name: string): Promise<T> =>
    import(/* @vite-ignore */ `${options.assetBase}${name}.js`) as Promise<T>;
  let manager: Promise<ManagerModule.Manager> | undefined;
  const loadManager = () =>
    (manager ??= importBundle<typeof ManagerModule>('manager').then((module) =>
      module.managerFor(runtime),
    ));

  const fail = (message: string) => emitter.emit('error', { message });

  /** Types the notice asks about that have no valid decision yet. */
  function undecided(): string[] {
    const current = states();
    return (runtime.config?.consentTypes ?? [])
      .filter((type) => isShownInNotice(type) && !type.required && !current[type.label])
      .map((type) => type.label);
  }

  async function start(): Promise<void> {
    if (!options.projectId) {
      console.error(PREFIX, 'the script tag needs data-project="<project uuid>"');
      return fail('missing or malformed data-project');
    }
    const fresh = runtime.api.getConfig();
    const stored = await readStoredState(projectId, runtime.store);
    runtime.decisions = stored.decisions;
    runtime.visitorId = stored.visitorId;
    if (stored.config?.projectId === projectId) {
      // Decisions valid under the last known config apply at once; the fresh config follows.
      runtime.config = stored.config;
      apply();
    }
    const result = await fresh;
    if (result.ok) {
      runtime.config = result.value;
      apply();
      void writeConfig(projectId, result.value, runtime.store).catch(() => {});
    } else if (!runtime.config) {
      fail(`could not load the consent configuration: ${result.message}`);
    }
    if (stored.outbox.length) void loadManager().then((m) => m.flush(), reportImport);
    // Awaited, so that `ready` (and whatever a page does after it) comes after `notice:show`.
    if (undecided().length) await show();
  }

  function reportImport(error: unknown) {
    fail(`could not load part of the consent widget: ${String(error)}`);
  }

  async function show(view: NoticeModule.NoticeView = 'summary'): Promise<void> {
    if (!runtime.config) return fail('the consent configuration is not available');
    try {
      const [notice] = await Promise.all([
        importBundle<typeof NoticeModule>('notice'),
        loadManager(),
      ]);
      notice.showNotice(runtime, view);
    } catch (error) {
      reportImport(error);
    }
  }

  const ready = start().then(
    () => api,
    (error: unknown) => (fail(String(error)), api),
  );

  async function choose(labels: string[] | undefined, accept: boolean): Promise<boolean> {
    await ready;
    const byLabel = new Map(runtime.config?.consentTypes.map((type) => [type.label, type]));
    const chosen =
      labels ??
      (runtime.config?.consentTypes ?? []).filter(isShownInNotice).map((type) => type.label);
    const states: Record<string, ConsentState> = {};
    for (const label of chosen) {
      // Declining "everything" keeps required types accepted; naming one explicitly is refused.
      states[label] = accept || (!labels && byLabel.get(label)?.required) ? 'accepted' : 'declined';
    }
    try {
      return await (await loadManager()).choose(states);
    } catch (error) {
      reportImport(error);
      return false;
    }
  }

  const api: AssentApi = {
    ready: undefined as unknown as Promise<AssentApi>,
    get: (label) => states()[label],
    allowed,
    accept: (labels) => choose(labels, true),
    decline: (labels) => choose(labels, false),
    showNotice: () => ready.then(() => show()),
    async reset() {
      await ready;
      await clearVisitor(projectId, runtime.store).catch(() => {});
      runtime.visitorId = undefined;
      runtime.decisions = {};
      emitter.emit('change', { states: {}, changed: [] });
      await show();
    },
    on: (name, handler) => emitter.on(name, handler),
    push(fn) {
      drainQueue([fn], api, (error) => console.error(PREFIX, 'a queued function threw', error));
    },
  };
  api.ready = ready;

  window.assent = api;
  drainQueue(existing, api, (error) => console.error(PREFIX, 'a queued function threw', error));
  void ready.then(() => emitter.emit('ready', { states: states() }));
  connectDataLayer(emitter, runtime, consentMode);
  clearCookiesOnWithdrawal(emitter, runtime);

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', apply);
  observeGates(apply);
  document.addEventListener('click', (event) => {
    const opener = (event.target as Element | null)?.closest?.('[data-assent-open]');
    if (!opener) return;
    event.preventDefault();
    void ready.then(() =>
      show(opener.getAttribute('data-assent-open') === 'notice' ? 'summary' : 'choose'),
    );
  });
}

try {
  boot();
} catch (error) {
  // Never throw into the host page: without the widget nothing gated runs, which fails closed.
  console.error(PREFIX, error);
}
