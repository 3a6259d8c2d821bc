/**
 * The classic script a site includes, as small as a returning visitor's page needs (issue 18):
 * it installs `window.assent` and the IAB stubs, pushes the Google Consent Mode default, reads
 * the synchronous mirror and gates tags from it, all before it returns. Everything else is the
 * loader's second half (src/loader/rest.ts): IndexedDB, revalidation, the plan, the notice, the
 * manager and UI bundles, tab sync. A returning visitor with nothing to be asked imports it
 * (`rest.js`) at idle, or at once when a window API call or a click needs it; a first visit of
 * the per-project loader imports the notice module (`notice-<code>.js`), the one file it
 * fetches before its notice, which shows the notice and then imports the second half
 * (src/loader/first-visit.ts).
 */
import { noticeLabels } from '../core/choice.ts';
import { isAllowingState, labelRecord, validDecisions } from '../core/decision.ts';
import { pickLanguage } from '../core/language.ts';
import { createEmitter, type Emitter } from '../core/emitter.ts';
import type { ConsentState, Decision, SiteConfig } from '../core/types.ts';
import { connectDataLayer } from '../integrations/data-layer.ts';
import { startConsentMode } from '../integrations/google-consent-mode.ts';
import { applyGates, observeGates } from '../integrations/script-gate.ts';
import type { AssentEvents } from '../runtime/runtime.ts';
import { CONFIG_FRESH_MS } from '../storage/config-freshness.ts';
import { readMirror } from '../storage/sync-mirror.ts';
import { defineElements } from '../elements/index.ts';
import { usesGpp } from './gpp-stub.ts';
import { iabStubs } from './iab-stubs.ts';
import { shareKernel } from './kernel.ts';
import { NOTICE_LANGUAGES } from './notice-languages.ts';
import type { LoaderRest, LoaderContext } from './rest.ts';
import { readScriptTag, withDisplay } from './script-tag.ts';
import { drainQueue, type AssentApi } from './window-api.ts';

declare global {
  interface Navigator {
    /** Global Privacy Control (https://privacycg.github.io/gpc-spec/). */
    readonly globalPrivacyControl?: boolean;
  }
}

/**
 * Set by the build: the chunks each bundle imports (imported with it, at once, not one after the
 * other), and the second half's file.
 */
declare const __ASSENT_BUNDLE_FILES__: Record<string, string[]> | undefined;
declare const __ASSENT_REST_FILE__: string | undefined;
const REST_FILE = typeof __ASSENT_REST_FILE__ === 'undefined' ? 'rest.js' : __ASSENT_REST_FILE__;
const BUNDLE_FILES: Record<string, string[]> =
  typeof __ASSENT_BUNDLE_FILES__ === 'undefined' ? {} : __ASSENT_BUNDLE_FILES__;

const PREFIX = '[assent]';
/** The longest a returning visitor's page waits for an idle moment before the second half. */
const IDLE_TIMEOUT_MS = 2000;

/**
 * What the second half's module exports: `rest.js`, and each `notice-<code>.js` too, whose start
 * shows the notice and resolves once it has imported and started `rest.js`.
 */
interface RestModule {
  startRest(context: LoaderContext): LoaderRest | Promise<LoaderRest>;
}

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
  const mirror = readMirror(projectId);
  // A per-project loader's come from the server, in front of it, only where they may apply.
  const [installTcfStub, removeTcfStub, installGppStub, removeGppStub] = iabStubs();
  const copy = mirror?.config;
  // The newest config known at boot: embedded, else the last one this site had.
  const last = options.embedded ?? copy;
  // Before any ad tag asks (issue 20): the tag says so, or that config does.
  if (options.tcf || last?.tcf) installTcfStub();
  // First, synchronously: before any Google tag reads dataLayer.
  const consentMode = startConsentMode(projectId);
  const languages = [
    options.language,
    document.documentElement.lang,
    ...navigator.languages,
  ].filter((language): language is string => !!language);
  // The config the page starts with: embedded in a per-project loader, else the mirror's copy
  // if it was fetched moments ago (the previous page); the second half revalidates it.
  const known =
    options.embedded ??
    (copy?.projectId === projectId && Date.now() - (mirror?.configFetchedAt ?? 0) < CONFIG_FRESH_MS
      ? copy
      : undefined);
  const config = known && withDisplay(known, options.display);
  const decisions: Record<string, Decision> = mirror ? mirror.decisions : labelRecord();

  /** Until the second half runs, the states are the mirror's decisions under that config. */
  const bootStates = (): Record<string, ConsentState> =>
    config
      ? labelRecord(
          Object.entries(
            validDecisions(
              decisions,
              config.consentTypes,
              new Date(),
              options.preview,
              config.defaultConsentDuration,
            ),
          ).map(([label, decision]) => [label, decision.state]),
        )
      : labelRecord();
  let live: { states(): Record<string, ConsentState>; apply(): void } = {
    states: bootStates,
    apply() {
      const current = bootStates();
      consentMode.update(config, current);
      // After Consent Mode: a gated inline script runs as it is activated, and must see the update.
      void applyGates((label) => current[label], options.nonce);
    },
  };
  const states = () => live.states();
  live.apply();
  // Synchronous, before the page's ad tags look for it; a first visit's comes with the config.
  const gpp = usesGpp(last);
  if (gpp) installGppStub();

  const noticeLanguage = (forConfig?: SiteConfig) =>
    pickLanguage(
      languages,
      forConfig ? Object.keys(forConfig.texts) : [],
      forConfig?.defaultLanguage ?? 'en',
      NOTICE_LANGUAGES,
    ).builtIn;
  // Whether this page will likely show the notice: no config yet, or a purpose it asks about
  // without a valid decision (a first visit above all). Then the second half starts at once,
  // after the first frame; with an embedded config and no TCF (whose own notice comes first),
  // from the notice module, which shows the notice before it imports `rest.js`. Else `rest.js`
  // is imported at idle, and imports the notice if it is to show.
  const current = states();
  const likelyNotice =
    !!options.projectId &&
    (!config ||
      noticeLabels(config.consentTypes, options.preview).some((label) => !current[label]));
  const noticeFirst = likelyNotice && !!options.embedded && !config?.tcf;

  // What the second half reads from the loader's own modules (./kernel.ts), set before it loads.
  const importRest = (url: string) => (shareKernel(), import(/* @vite-ignore */ url));
  // A first visit's notice module downloads from boot on, but its start waits for the page's
  // first frame: IndexedDB, the plan and the notice's render, run before that frame,
  // put off the page's own first paint (the trace of issue 18). In a task after the frame is
  // painted (an animation frame's callbacks run before its paint, a task queued from one after
  // it), or in 1 s when none comes (a hidden tab).
  const painted =
    likelyNotice &&
    new Promise((done) => {
      requestAnimationFrame(() => setTimeout(done));
      setTimeout(done, 1000);
    });
  let rest: Promise<LoaderRest> | undefined;
  const load = (): Promise<LoaderRest> =>
    (rest ??= importRest(
      /* @vite-ignore */ `${options.assetBase}${noticeFirst ? `notice-${noticeLanguage(config)}.js` : REST_FILE}`,
    ).then(async (module: RestModule) => {
      await painted;
      const started = await module.startRest({
        options,
        emitter,
        consentMode,
        applyGates,
        config,
        api,
        languages,
        bundleFiles: BUNDLE_FILES,
        noticeLanguage,
        followStubs(fresh) {
          (fresh.tcf ? installTcfStub : removeTcfStub)();
          const gets = usesGpp(fresh);
          (gets ? installGppStub : removeGppStub)();
          return gets;
        },
        removeTcfStub,
        failed,
      });
      live = started.runtime;
      return started;
    }));
  const failed = (error: unknown) => {
    emitter.emit('error', {
      message: `could not load part of the consent widget: ${String(error)}`,
    });
  };
  /** A call the second half answers, by name: imported now if it is not in yet. */
  type Forwarded = 'accept' | 'decline' | 'showNotice' | 'showPreferences' | 'identify' | 'reset';
  const forward =
    (name: Forwarded, otherwise?: boolean) =>
    (...args: unknown[]): Promise<never> =>
      load().then(
        (started) => (started[name] as (...args: unknown[]) => Promise<never>)(...args),
        (error: unknown) => (failed(error), otherwise as never),
      );
  const showPreferences = forward('showPreferences');

  const queueFailed = (error: unknown) => console.error(PREFIX, 'a queued function threw', error);
  const api: AssentApi = {
    // Whoever waits for `ready` needs the second half: asking for it imports it.
    get ready() {
      return load().then(
        (started) => started.ready,
        (error: unknown) => (failed(error), api),
      );
    },
    get: (label) => states()[label],
    allowed: (label) => isAllowingState(states()[label]),
    accept: forward('accept', false),
    decline: forward('decline', false),
    showNotice: forward('showNotice'),
    // Anything but an element (a selector string, say) opens the dialog rather than failing.
    showPreferences: (container) =>
      showPreferences(container instanceof Element ? container : undefined),
    identify: forward('identify', false),
    reset: forward('reset'),
    on: (name, handler) => emitter.on(name, handler),
    push(fn) {
      drainQueue([fn], api, queueFailed);
    },
  };

  window.assent = api;
  connectDataLayer(emitter, consentMode.disabled);
  drainQueue(existing, api, queueFailed);

  // Gated markup added later is gated like the page's own; `<assent-gate>` and
  // `<assent-request>` are the second half's (bundles of their own).
  const markup = () => {
    live.apply();
    if (document.querySelector('assent-gate,assent-request'))
      load().then((started) => started.markup(), failed);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', markup);
  else markup();
  observeGates(markup);
  document.addEventListener('click', (event) => {
    const opener = (event.target as Element | null)?.closest?.('[data-assent-open]');
    if (!opener) return;
    event.preventDefault();
    // `opt-out`: the "Do Not Sell or Share" link, at the sale and sharing choices (issue 21).
    const target = opener.getAttribute('data-assent-open');
    void (target === 'preferences' || target === 'opt-out'
      ? showPreferences(undefined, target === 'opt-out' ? target : undefined)
      : api.showNotice());
  });
  defineElements();

  // At once, too, when ad tags wait on the stubs: the TCF and GPP APIs behind them are the
  // second half's to start.
  const begin = () => void load().catch(failed);
  if (likelyNotice || options.tcf || last?.tcf || gpp) begin();
  else if (typeof requestIdleCallback === 'function')
    requestIdleCallback(begin, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(begin, 1);
}

try {
  boot();
} catch (error) {
  // Never throw into the host page: without the widget nothing gated runs, which fails closed.
  console.error(PREFIX, error);
}
