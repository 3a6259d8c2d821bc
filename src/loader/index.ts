/**
 * The classic script a site includes. Installs `window.assent`, reads stored decisions, gates
 * tags, and imports the manager and UI bundles by URL only when they are needed: a returning
 * visitor with valid decisions downloads nothing else.
 */
import { createSiteApi } from '../api/site-api.ts';
import { noticeLabels } from '../core/choice.ts';
import { planConsent } from '../core/consent-plan.ts';
import { isAllowingState } from '../core/decision.ts';
import { pickLanguage } from '../core/language.ts';
import { createEmitter, type Emitter } from '../core/emitter.ts';
import type { ConsentState, SiteConfig } from '../core/types.ts';
import { connectDataLayer } from '../integrations/data-layer.ts';
import { startConsentMode } from '../integrations/google-consent-mode.ts';
import { observeGates } from '../integrations/script-gate.ts';
import type * as CookieModule from '../integrations/cookie-clearing.ts';
import type {
  FloatingButtonBundle,
  GateBundle,
  GppBundle,
  RequestBundle,
  Manager,
  ManagerBundle,
  NoticeBundle,
  PreferencesBundle,
  TcfBundle,
} from '../runtime/bundles.ts';
import { createRuntime, type AssentEvents } from '../runtime/runtime.ts';
import { writeConfig } from '../storage/config-cache.ts';
import { readStoredState } from '../storage/stored-state.ts';
import { healMirror, readMirror, writeMirror } from '../storage/sync-mirror.ts';
import { createIndexedDbStore, withMemoryFallback } from '../storage/key-value-store.ts';
import { defineElements } from '../elements/index.ts';
import { installGppStub, removeGppStub } from './gpp-stub.ts';
import { readScriptTag, withDisplay } from './script-tag.ts';
import { installTcfStub, removeTcfStub } from './tcf-stub.ts';
import { watchWithdrawals } from './withdrawal-watch.ts';
import { drainQueue, type AssentApi } from './window-api.ts';

declare global {
  interface Navigator {
    /** Global Privacy Control (https://privacycg.github.io/gpc-spec/). */
    readonly globalPrivacyControl?: boolean;
  }
}

/**
 * Set by the build: the chunks each bundle imports (imported with it, at once, not one after the
 * other), and the languages that have a notice module of their own (`notice-<code>.js`).
 */
declare const __ASSENT_BUNDLE_FILES__: Record<string, string[]> | undefined;
declare const __ASSENT_NOTICE_LANGUAGES__: string[] | undefined;
const BUNDLE_FILES: Record<string, string[]> =
  typeof __ASSENT_BUNDLE_FILES__ === 'undefined' ? {} : __ASSENT_BUNDLE_FILES__;
const NOTICE_LANGUAGES = new Set(
  typeof __ASSENT_NOTICE_LANGUAGES__ === 'undefined' ? ['en'] : __ASSENT_NOTICE_LANGUAGES__,
);

const PREFIX = '[assent]';
/**
 * How long a cached config may decide alone. Older, the loader waits for the fresh one, so that a
 * type's raised re-acceptance version or a new status stops its tags within this time.
 */
const CONFIG_FRESH_MS = 10 * 60 * 1000;
/** A config that could not be loaded is asked for again after 1 s, 2 s, 4 s… at most 30 s apart. */
const CONFIG_RETRY_MAX_MS = 30_000;

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
  // Before any ad tag asks (issue 20): the tag says so, or the last config of this site did.
  if (options.tcf || readMirror(projectId)?.config?.tcf) installTcfStub();
  // First, synchronously: before any Google tag reads dataLayer.
  const consentMode = startConsentMode(projectId);
  const runtime = createRuntime({
    projectId,
    preview: options.preview,
    consentMode,
    nonce: options.nonce,
    store: withMemoryFallback(createIndexedDbStore(), () =>
      emitter.emit('error', {
        message: 'browser storage is unavailable: consent is kept for this page only',
      }),
    ),
    api: createSiteApi({
      base: options.apiBase,
      projectId,
      ...(options.region ? { configQuery: { region: options.region } } : {}),
    }),
    emitter,
    languages: [options.language, document.documentElement.lang, ...navigator.languages].filter(
      (language): language is string => !!language,
    ),
  });
  const states = () => runtime.states();
  const allowed = (label: string) => isAllowingState(states()[label]);
  const apply = () => runtime.apply();

  const importFile = (file: string) => import(/* @vite-ignore */ `${options.assetBase}${file}`);
  const importBundle = <T>(name: string): Promise<T> => {
    // Its chunks at once: otherwise each is discovered only once the file before it is in.
    for (const file of BUNDLE_FILES[name] ?? []) void importFile(file).catch(() => {});
    return importFile(`${name}.js`) as Promise<T>;
  };
  /**
   * The notice of the visitor's language, code, CSS and strings in one file. Before the config
   * is known (a first visit's prefetch) the project's own languages are not: the built-in one
   * the visitor reads is the best guess.
   */
  const noticeBundle = (config?: SiteConfig) => {
    const { builtIn } = pickLanguage(
      runtime.languages,
      config ? Object.keys(config.texts) : [],
      config?.defaultLanguage ?? 'en',
      NOTICE_LANGUAGES,
    );
    return importBundle<NoticeBundle>(`notice-${builtIn}`);
  };
  let manager: Promise<Manager> | undefined;
  const loadManager = () =>
    (manager ??= importBundle<ManagerBundle>('manager').then((module) =>
      module.managerFor(runtime),
    ));

  const fail = (message: string) => emitter.emit('error', { message });
  // IAB GPP (issue 21): only for projects that enable it, only for US visitors, and where the
  // project's TCF applies (its `tcfeuv2` section).
  const usesGpp = (config?: SiteConfig) =>
    !!config?.gpp && (config.geography.startsWith('US') || !!config.tcf?.gdprApplies);
  let gpp: Promise<void> | undefined;

  /**
   * Applies the visitor's jurisdiction and Global Privacy Control: records what is implied or
   * declined without a prompt, and asks about what needs asking (only that, on a return visit).
   */
  async function applyPlan(): Promise<void> {
    const config = runtime.config;
    if (!config) return;
    const gpc = navigator.globalPrivacyControl === true || config.gpc === true;
    // GPP before the TCF notice, which may stay open: its `tcfeuv2` section follows `__tcfapi`.
    // A stub the fresh config does not back (a stale copy said otherwise) goes again.
    if (usesGpp(config)) {
      installGppStub();
      gpp ??= importBundle<GppBundle>('gpp').then((m) => m.startGpp(runtime, gpc), reportImport);
    } else removeGppStub();
    // The TCF notice first (a chunk of its own, only for projects that use the TCF): while it
    // is open it is the notice; its accept and reject all decide the site's own types too, and
    // after a choice of its own it asks for what is left (`applyPlan` again).
    if (config.tcf) {
      installTcfStub();
      try {
        const tcf = await importBundle<TcfBundle>('tcf');
        const opts = { apiBase: options.apiBase, manager: loadManager, askRest: applyPlan };
        if (await tcf.startTcf(runtime, opts)) return;
      } catch (error) {
        reportImport(error);
        // No TCF after all (its chunk did not load, or the settings are malformed): vendors find
        // no CMP, as on a page without the TCF, rather than waiting on one.
        removeTcfStub();
      }
    } else removeTcfStub();
    const plan = planConsent({
      types: config.consentTypes,
      decisions: runtime.decisions,
      policy: config.policy,
      gpc,
      gpcDeclines: config.gpcDeclines,
      preview: runtime.preview,
      now: runtime.now(),
      defaultDuration: config.defaultConsentDuration,
    });
    const automatic: Record<string, ConsentState> = {};
    for (const label of plan.imply) automatic[label] = 'implied';
    for (const label of plan.gpcDecline) automatic[label] = 'declined';
    if (plan.imply.length || plan.gpcDecline.length) {
      try {
        // A GPC decline is the signal's doing (the proof's surface `signal`, issue 17); what the
        // jurisdiction implies was decided on no surface.
        const origin = plan.gpcDecline.length ? { surface: 'signal' as const } : {};
        // With the GPP chunk, downloaded beside the manager: it re-encodes the GPP string as the
        // decision takes effect, and the decision's events carry that string (issue 21).
        const [manager] = await Promise.all([loadManager(), gpp]);
        await manager.choose(automatic, 'implied', origin);
      } catch (error) {
        reportImport(error);
      }
    }
    // Awaited, so that `ready` (and whatever a page does after it) comes after `notice:show`.
    if (plan.ask.length) {
      // Some purposes already decided: ask about the others only.
      const decided = noticeLabels(config.consentTypes, runtime.preview).some(
        (label) => !plan.ask.includes(label) && states()[label],
      );
      await show(decided ? plan.ask : undefined);
    } else if (plan.disclose.length || plan.imply.length || plan.gpcDecline.length) {
      // Nothing to ask, but something to tell: a visible way to decline what was implied.
      await show();
    }
  }

  async function start(): Promise<void> {
    if (!options.projectId) {
      console.error(PREFIX, 'the script tag needs data-project="<project uuid>"');
      return fail('missing or malformed data-project');
    }
    // Embedded in a per-project loader: the config came with the code, nothing to fetch.
    const embedded = options.embedded;
    const fresh = embedded ? undefined : runtime.api.getConfig();
    // No decisions yet: this visit almost surely ends with the notice. Fetching its code (all
    // its files at once, and the visitor's language) while the configuration is on its way takes
    // round trips off the notice's path; a returning visitor still downloads only the loader.
    // Failures are reported by show().
    let prefetched = false;
    const prefetch = () => {
      if (prefetched) return;
      prefetched = true;
      void noticeBundle(runtime.config).catch(() => {});
    };
    const applyCached = (config: SiteConfig | undefined, fetchedAt = 0) => {
      // A config fetched moments ago (the previous page) applies at once; the fresh one follows.
      if (config?.projectId !== projectId || runtime.config) return;
      if (runtime.now().getTime() - fetchedAt >= CONFIG_FRESH_MS) return;
      runtime.config = withDisplay(config, options.display);
      apply();
    };
    // localStorage answers at once: a returning visitor's tags run without waiting for
    // IndexedDB, and a first visit (no copy) starts the notice's downloads.
    const mirror = readMirror(projectId);
    if (mirror) runtime.decisions = mirror.decisions;
    if (embedded) useConfig(embedded);
    else if (mirror) applyCached(mirror.config, mirror.configFetchedAt);
    // Synchronous, before the page's ad tags look for it; a first visit's comes with the config.
    if (usesGpp(embedded ?? mirror?.config)) installGppStub();
    // A copy without decisions: a visitor who left an earlier page without choosing.
    if (mirror === null || (mirror && !Object.keys(mirror.decisions).length)) prefetch();
    const stored = await readStoredState(projectId, runtime.store);
    if (!Object.keys(stored.decisions).length) prefetch();
    // IndexedDB is the record: its decisions win, and the copy follows them.
    runtime.decisions = stored.decisions;
    runtime.visitorId = stored.visitorId;
    if (runtime.config) apply();
    healMirror(projectId, mirror, stored.decisions);
    applyCached(stored.config, stored.configFetchedAt);
    const cached = stored.config?.projectId === projectId ? stored.config : undefined;
    const result = fresh ? await fresh : undefined;
    if (!result) {
      // The embedded config, applied above.
    } else if (result.ok) {
      useConfig(result.value);
    } else if (cached) {
      // Offline or the API is down: the last config the visitor decided under.
      runtime.config ??= withDisplay(cached, options.display);
      apply();
    } else {
      fail(`could not load the consent configuration: ${result.message}`);
      // A captive portal's page or a cut-off answer now may be the config in a moment (issue
      // 22 §5): ask again while the page lives, backing off; nothing gated runs meanwhile.
      const retry = (delay: number) =>
        setTimeout(async () => {
          const again = await runtime.api.getConfig();
          if (!again.ok) return retry(Math.min(delay * 2, CONFIG_RETRY_MAX_MS));
          useConfig(again.value);
          await applyPlan();
        }, delay);
      retry(1000);
    }
    // Events an earlier page left, or an outbox that could not be read and may hold some.
    if (stored.outbox.length || stored.outboxUnreadable)
      void loadManager().then((m) => m.flush(), reportImport);
    await applyPlan();
  }

  /** A config fresh from the server: applied, and kept for the next pages. */
  function useConfig(config: SiteConfig): void {
    runtime.config = withDisplay(config, options.display);
    apply();
    const fetchedAt = runtime.now().getTime();
    writeMirror(projectId, { config, configFetchedAt: fetchedAt });
    void writeConfig(projectId, config, fetchedAt, runtime.store).catch(() => {});
  }

  function reportImport(error: unknown) {
    fail(`could not load part of the consent widget: ${String(error)}`);
  }

  async function show(labels?: string[]): Promise<void> {
    if (!runtime.config) return fail('the consent configuration is not available');
    try {
      // The notice shows without waiting for the manager, which it needs only once it records.
      const notice = await noticeBundle(runtime.config);
      await notice.showNotice(runtime, {
        onCustomize: (at) => void showPreferences(undefined, at),
        manager: () =>
          loadManager().catch((error: unknown) => (reportImport(error), Promise.reject(error))),
        ...(labels ? { labels } : {}),
      });
    } catch (error) {
      reportImport(error);
    }
  }

  /** The preference center: its bundle is downloaded the first time someone opens it. */
  async function showPreferences(container?: Element, at?: 'opt-out'): Promise<void> {
    await ready;
    if (!runtime.config) return fail('the consent configuration is not available');
    try {
      const [preferences] = await Promise.all([
        importBundle<PreferencesBundle>('preferences'),
        loadManager(),
      ]);
      await preferences.showPreferences(runtime, container, at);
    } catch (error) {
      reportImport(error);
    }
  }

  const ready = start().then(
    () => api,
    (error: unknown) => (fail(String(error)), api),
  );

  /** A window API call that the manager answers, once the widget is ready. */
  async function withManager<T>(call: (manager: Manager) => Promise<T>, failed: T): Promise<T> {
    await ready;
    try {
      return await call(await loadManager());
    } catch (error) {
      reportImport(error);
      return failed;
    }
  }

  const api: AssentApi = {
    ready: undefined as unknown as Promise<AssentApi>,
    get: (label) => states()[label],
    allowed,
    accept: (labels) => withManager((manager) => manager.accept(labels), false),
    decline: (labels) => withManager((manager) => manager.decline(labels), false),
    showNotice: () => ready.then(() => show()),
    // Anything but an element (a selector string, say) opens the dialog rather than failing.
    showPreferences: (container) =>
      showPreferences(container instanceof Element ? container : undefined),
    identify: (input) => withManager((manager) => manager.identify(input), false),
    async reset() {
      await withManager((manager) => manager.reset(), undefined);
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
  connectDataLayer(emitter, consentMode.disabled);
  watchWithdrawals(
    emitter,
    runtime,
    (before, after, changed) =>
      void importBundle<typeof CookieModule>('cookies').then(
        // The decision is written to IndexedDB right after the change; a read queued behind
        // those writes (transactions on one store run in order) lets a reload keep it.
        (cookies) =>
          cookies.clearAfterChange(runtime.config, before, after, changed, () =>
            runtime.store.get(''),
          ),
        reportImport,
      ),
  );

  // `<assent-gate>` and its translated placeholder: a bundle of its own, once a page holds one.
  let gates: Promise<void> | undefined;
  let requests: Promise<void> | undefined;
  const markup = () => {
    apply();
    if (!gates && document.querySelector('assent-gate'))
      gates = importBundle<GateBundle>('gate').then(
        (m) => m.defineGate(runtime, ready),
        reportImport,
      );
    if (!requests && document.querySelector('assent-request'))
      requests = importBundle<RequestBundle>('request').then(
        (m) => m.defineRequest(runtime, ready),
        reportImport,
      );
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', markup);
  else markup();
  observeGates(markup);
  // After a decision, the floating button (off by default) reopens the preference center.
  const floatingButton = () => {
    if (runtime.config?.floatingButton && Object.keys(states()).length)
      importBundle<FloatingButtonBundle>('floating-button').then(
        (m) => m.showFloatingButton(runtime, () => void showPreferences()),
        reportImport,
      );
  };
  emitter.on('change', floatingButton);
  void ready.then(floatingButton);
  document.addEventListener('click', (event) => {
    const opener = (event.target as Element | null)?.closest?.('[data-assent-open]');
    if (!opener) return;
    event.preventDefault();
    // `opt-out`: the "Do Not Sell or Share" link, at the sale and sharing choices (issue 21).
    const target = opener.getAttribute('data-assent-open');
    void (target === 'preferences' || target === 'opt-out'
      ? showPreferences(undefined, target === 'opt-out' ? target : undefined)
      : ready.then(() => show()));
  });
  defineElements();
}

try {
  boot();
} catch (error) {
  // Never throw into the host page: without the widget nothing gated runs, which fails closed.
  console.error(PREFIX, error);
}
