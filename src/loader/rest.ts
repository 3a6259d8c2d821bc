/**
 * The loader's second half (issue 18, lever 3): everything the classic script does not need at
 * its first paint. The loader (src/loader/index.ts) reads the mirror, gates, pushes the Consent
 * Mode default, installs the IAB stubs and `window.assent`; this half reads IndexedDB (the
 * visitor id, the outbox), revalidates the config, plans what to ask, shows the notice, loads
 * the manager and UI bundles, and keeps the tabs in step.
 *
 * It is `chunks/rest-*.js` in the UI build, which a returning visitor's loader imports at idle
 * (or at the first call that needs it), and a first visit's notice module (`notice-<code>.js`,
 * src/loader/first-visit.ts) right after its notice is painted: the notice shows without it.
 */
import { createSiteApi } from '../api/site-api.ts';
import { noticeLabels } from '../core/choice.ts';
import { planConsent } from '../core/consent-plan.ts';
import { mergeDecisions } from '../core/decision.ts';
import { parseSiteConfig } from '../core/site-config.ts';
import type { Emitter } from '../core/emitter.ts';
import type { ConsentState, SiteConfig } from '../core/types.ts';
import type { ConsentModeBridge } from '../integrations/google-consent-mode.ts';
import type * as CookieModule from '../integrations/cookie-clearing.ts';
import type {
  FloatingButtonBundle,
  GateBundle,
  GppBundle,
  Manager,
  ManagerBundle,
  NoticeBundle,
  PreferencesBundle,
  RequestBundle,
  TcfBundle,
} from '../runtime/bundles.ts';
import { createRuntime, type AssentEvents, type Runtime } from '../runtime/runtime.ts';
import { writeConfig } from '../storage/config-cache.ts';
import { writeDecisions } from '../storage/decisions.ts';
import { createIndexedDbStore, withMemoryFallback } from '../storage/key-value-store.ts';
import { readPending } from '../storage/pending-events.ts';
import { readStoredState } from '../storage/stored-state.ts';
import { CONFIG_FRESH_MS } from '../storage/config-freshness.ts';
import { healMirror, readMirror, writeMirror } from '../storage/sync-mirror.ts';
import { withDisplay, type ScriptTagOptions } from './script-tag.ts';
import type { AssentApi } from './window-api.ts';
import { watchWithdrawals } from './withdrawal-watch.ts';

const PREFIX = '[assent]';
/** A config that could not be loaded is asked for again after 1 s, 2 s, 4 s… at most 30 s apart. */
const CONFIG_RETRY_MAX_MS = 30_000;

/** What the loader hands its second half: what it read and started synchronously. */
export interface LoaderContext {
  options: ScriptTagOptions;
  emitter: Emitter<AssentEvents>;
  consentMode: ConsentModeBridge;
  /** The loader's `applyGates` (src/integrations/script-gate.ts), not a second copy of it. */
  applyGates: (stateOf: (label: string) => ConsentState | undefined, nonce?: string) => unknown;
  /** The config the loader applied at boot (embedded, or the mirror's fresh copy), as shown. */
  config: SiteConfig | undefined;
  /** `window.assent`, the loader's object: what `ready` resolves to and queued functions get. */
  api: AssentApi;
  /** The visitor's languages, most preferred first. */
  languages: readonly string[];
  /** Set by the loader's build: each bundle's chunks. */
  bundleFiles: Record<string, string[]>;
  /**
   * The built-in language whose notice module (`notice-<code>.js`) the visitor gets. Before the
   * config is known (a first visit's prefetch) the project's own languages are not: the
   * built-in one the visitor reads is the best guess.
   */
  noticeLanguage: (config?: SiteConfig) => string;
  /** Reports a bundle that could not be imported (an `error` event). */
  failed: (error: unknown) => void;
  /**
   * The IAB stubs (src/loader/iab-stub.ts) follow `config`: each installed where it applies,
   * and removed where it does not, the one a stale copy or the script tag had installed at boot
   * included (the loader's own stubs, one instance with their state). True when this visitor
   * gets GPP (`usesGpp` of src/loader/gpp-stub.ts).
   */
  followStubs: (config: SiteConfig) => boolean;
  /** Removes the TCF stub: the TCF chunk did not load or refused the settings. */
  removeTcfStub: () => void;
}

/** The half's window API calls; the loader's `window.assent` forwards to them. */
export interface LoaderRest {
  runtime: Runtime;
  ready: Promise<AssentApi>;
  accept(labels?: string[]): Promise<boolean>;
  decline(labels?: string[]): Promise<boolean>;
  identify(input: unknown): Promise<boolean>;
  reset(): Promise<void>;
  showNotice(): Promise<void>;
  showPreferences(container?: Element, at?: 'opt-out'): Promise<void>;
  /** Gated markup was added (`<assent-gate>`, `<assent-request>`): their bundles, once. */
  markup(): void;
  /** The runtime's manager, imported on first use (a first visit's notice, src/loader/first-visit.ts). */
  manager(): Promise<Manager>;
}

export function startRest(context: LoaderContext): LoaderRest {
  const { options, emitter, consentMode, api } = context;
  const projectId = options.projectId ?? '';
  const runtime = createRuntime({
    projectId,
    preview: options.preview,
    consentMode,
    applyGates: context.applyGates,
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
    languages: context.languages,
  });
  // Read again, not the loader's copy: another tab may have decided since the loader ran.
  const mirror = readMirror(projectId);
  if (mirror) runtime.decisions = mirror.decisions;
  runtime.config = context.config;
  const states = () => runtime.states();
  const apply = () => runtime.apply();

  // A file that did not download is asked for again at the next call under another path,
  // `r<n>/` (the site API serves it as the file): a page's module map keeps a URL's failure for
  // its life, and under a new path the chunks the file imports get new URLs too.
  const failures: Record<string, number> = {};
  const importFile = (file: string) => {
    const tries = failures[file];
    return import(
      /* @vite-ignore */ `${options.assetBase}${tries ? `r${tries}/` : ''}${file}`
    ).catch((error: unknown) => {
      failures[file] = (tries ?? 0) + 1;
      throw error;
    });
  };
  const importBundle = <T>(name: string): Promise<T> => {
    // Its chunks at once: otherwise each is discovered only once the file before it is in.
    for (const file of context.bundleFiles[name] ?? []) void importFile(file).catch(() => {});
    return importFile(`${name}.js`) as Promise<T>;
  };
  /** The notice of the visitor's language, code, CSS and strings in one file. */
  const noticeBundle = (config?: SiteConfig) =>
    importBundle<NoticeBundle>(`notice-${context.noticeLanguage(config)}`);
  let manager: Promise<Manager> | undefined;
  const loadManager = () =>
    (manager ??= importBundle<ManagerBundle>('manager').then(
      (module) => module.managerFor(runtime),
      (error: unknown) => {
        manager = undefined;
        throw error;
      },
    ));

  const fail = (message: string) => emitter.emit('error', { message });
  let gpp: Promise<void> | undefined;

  /**
   * Applies the visitor's jurisdiction and Global Privacy Control: records what is implied or
   * declined without a prompt, and asks about what needs asking (only that, on a return visit).
   */
  async function applyPlan(): Promise<void> {
    const config = runtime.config;
    if (!config) return;
    const gpc = navigator.globalPrivacyControl === true || config.gpc === true;
    // A stub the fresh config does not back (a stale copy said otherwise) goes again.
    // GPP before the TCF notice, which may stay open: its `tcfeuv2` section follows `__tcfapi`.
    if (context.followStubs(config))
      gpp ??= importBundle<GppBundle>('gpp').then((m) => m.startGpp(runtime, gpc), reportImport);
    // The TCF notice first (a chunk of its own, only for projects that use the TCF): while it
    // is open it is the notice; its accept and reject all decide the site's own types too, and
    // after a choice of its own it asks for what is left (`applyPlan` again).
    if (config.tcf) {
      try {
        const tcf = await importBundle<TcfBundle>('tcf');
        const opts = { apiBase: options.apiBase, manager: loadManager, askRest: applyPlan };
        if (await tcf.startTcf(runtime, opts)) return;
      } catch (error) {
        reportImport(error);
        // No TCF after all (its chunk did not load, or the settings are malformed): vendors find
        // no CMP, as on a page without the TCF, rather than waiting on one.
        context.removeTcfStub();
      }
    }
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
    // Embedded in a per-project loader: the config came with the code, nothing to fetch. The
    // loader trusted it for the first paint; checked here like a fetched one, and fetched
    // instead when it does not parse (nothing the loader gated from it stays allowed).
    const parsed = options.embedded && parseSiteConfig(options.embedded);
    const embedded = typeof parsed === 'object' ? parsed : undefined;
    if (options.embedded && !embedded) {
      runtime.config = undefined;
      apply();
    }
    const fresh = embedded ? undefined : runtime.api.getConfig();
    // No decisions yet: this visit almost surely ends with the notice. Fetching its code while
    // the configuration is on its way takes round trips off the notice's path (a first visit of
    // the per-project loader already has it: this half came from it). Failures are reported by
    // show().
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
    // A copy without decisions: a visitor who left an earlier page without choosing.
    if (!mirror || !Object.keys(mirror.decisions).length) prefetch();
    // Read before the embedded config is written: IndexedDB runs a read queued behind a write
    // only once the write commits, and the notice waits on this read (issue 18). Until then
    // the loader's copy of the embedded config applies (runtime.config, set above).
    const stored = await readStoredState(projectId, runtime.store);
    if (embedded) useConfig(embedded);
    // The mirror is written synchronously at decision time, IndexedDB a moment later: a page
    // that reloads in between finds the decision in the mirror only. So the record and the
    // mirror merge, each label's later decision winning: a decision in either is never lost
    // (which showed the notice again, issue 18), and a withdrawal, written to the mirror
    // first, is never undone by an older acceptance still in IndexedDB.
    const decisions = mirror
      ? mergeDecisions(stored.decisions, mirror.decisions)
      : stored.decisions;
    if (!Object.keys(decisions).length) prefetch();
    runtime.decisions = mergeDecisions(decisions, runtime.decisions);
    // What only the mirror held goes back to the record (each label's later decision kept).
    if (JSON.stringify(runtime.decisions) !== JSON.stringify(stored.decisions))
      void writeDecisions(projectId, runtime.decisions, runtime.store).catch(() => {});
    runtime.visitorId = stored.visitorId;
    if (runtime.config) apply();
    healMirror(projectId, mirror, runtime.decisions);
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
    // Events an earlier page left, stored or held (a page left right after a decision), or
    // an outbox that could not be read and may hold some.
    if (stored.outbox.length || stored.outboxUnreadable || readPending(projectId).length)
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

  const reportImport = context.failed;

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

  void ready.then(() => emitter.emit('ready', { states: states() }));
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
  // Called by the loader, which watches the document for such markup from its first line.
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

  return {
    runtime,
    ready,
    accept: (labels) => withManager((m) => m.accept(labels), false),
    decline: (labels) => withManager((m) => m.decline(labels), false),
    identify: (input) => withManager((m) => m.identify(input), false),
    async reset() {
      await withManager((m) => m.reset(), undefined);
      await show();
    },
    showNotice: () => ready.then(() => show()),
    showPreferences,
    markup,
    manager: loadManager,
  };
}
