/**
 * A first visit's notice before the loader's second half (issue 18): each `notice-<code>.js`
 * holds the notice and this, not the second half (src/loader/rest.ts: IndexedDB through the
 * storage layer, revalidation, the runtime, tab sync, the site API, config parsing), so that
 * the bytes before the notice are the loader's and the notice's. What deciding "show it now"
 * needs is here: the per-project loader's embedded config (which the loader already trusts for
 * its gates), the mirror (the loader's own, ./kernel.ts), the plan (src/core/consent-plan.ts, as
 * the second half makes it), and a raw IndexedDB read for decisions the mirror lost.
 *
 * The second half (`chunks/rest-*.js`, the file a returning visitor imports at idle) is imported
 * after the notice is painted, and everything that needs it waits for it: a click on the notice
 * asks for the manager, which comes once the second half has started and read the stored state,
 * so that it is queued, never lost, and recorded with the notice's proof. When the notice cannot
 * be shown from here (no embedded config, the TCF, a plan that implies or declines for GPC, a
 * decision in the mirror or in IndexedDB), the second half is imported at once and decides as
 * on any visit; its notice is this module's (the loader's import of it is the module's one
 * instance).
 */
import { noticeLabels } from '../core/choice.ts';
import { planConsent } from '../core/consent-plan.ts';
import { labelRecord } from '../core/decision.ts';
import type { SiteConfig } from '../core/types.ts';
import type { NoticeBundle } from '../runtime/bundles.ts';
import { hasStoredDecisions } from '../storage/stored-decisions-probe.ts';
import { readMirror } from '../storage/sync-mirror.ts';
import type { LoaderContext, LoaderRest } from './rest.ts';

/** `chunks/rest-*.js`. */
interface RestModule {
  startRest(context: LoaderContext): LoaderRest;
}

/**
 * True when this visit asks about every purpose now, with nothing to record first: the plan a
 * visitor without decisions gets, the mirror and IndexedDB holding none.
 */
async function asksNow(context: LoaderContext, config: SiteConfig): Promise<boolean> {
  const projectId = context.options.projectId ?? '';
  const mirror = readMirror(projectId);
  if (mirror && Object.keys(mirror.decisions).length) return false;
  const plan = planConsent({
    types: config.consentTypes,
    decisions: labelRecord(),
    policy: config.policy,
    gpc: navigator.globalPrivacyControl === true || config.gpc === true,
    gpcDeclines: config.gpcDeclines,
    preview: context.options.preview,
    now: new Date(),
    defaultDuration: config.defaultConsentDuration,
  });
  return (
    plan.ask.length > 0 &&
    !plan.imply.length &&
    !plan.gpcDecline.length &&
    !(await hasStoredDecisions(projectId))
  );
}

/** In a task after the next frame is painted, or in 1 s when none comes (a hidden tab). */
const painted = () =>
  new Promise((done) => {
    requestAnimationFrame(() => setTimeout(done));
    setTimeout(done, 1000);
  });

/**
 * A second half that did not download is asked for again after 1 s, 2 s, 4 s and 8 s, each time
 * under another URL (`?retry=<n>`): a page's module map keeps a URL's failure for its life. What
 * waits for it (a click, the window API) waits through them; after the last, the next call that
 * needs it starts again.
 */
const RETRY_MS = [1000, 2000, 4000, 8000];

/**
 * The notice module's start (`startRest`, as the loader calls it): the notice first if it is to
 * show now, then the second half, which it resolves to. `importRest` imports it with `query`
 * after its URL.
 */
export async function startWithNotice(
  context: LoaderContext,
  showNotice: NoticeBundle['showNotice'],
  importRest: (query: string) => Promise<RestModule>,
): Promise<LoaderRest> {
  let rest: Promise<LoaderRest> | undefined;
  let tries = 0;
  const download = (round = 0): Promise<RestModule> =>
    importRest(tries++ ? `?retry=${tries - 1}` : '').catch((error: unknown) =>
      round < RETRY_MS.length
        ? new Promise((done) => setTimeout(done, RETRY_MS[round])).then(() => download(round + 1))
        : Promise.reject(error),
    );
  const started = () =>
    (rest ??= download().then(
      (module) => module.startRest(context),
      (error: unknown) => {
        rest = undefined;
        throw error;
      },
    ));
  const { options, config } = context;
  if (options.embedded && config && !config.tcf && (await asksNow(context, config))) {
    try {
      await showNotice(
        {
          config,
          decisions: labelRecord(),
          preview: options.preview,
          now: () => new Date(),
          languages: context.languages,
          emitter: context.emitter,
        },
        {
          // Once the second half has read the stored state (the visitor id, the outbox) and
          // run its plan, which finds this notice open.
          manager: () =>
            started()
              .then((half) => half.ready.then(() => half.manager()))
              .catch((error: unknown) => (context.failed(error), Promise.reject(error))),
          onCustomize: (at) => void started().then((half) => half.showPreferences(undefined, at)),
        },
      );
      // Another tab may have decided while this one waited for its second half, which reads
      // that from the mirror but hears of it from no tab: this notice closes as it would have
      // on hearing it. Not on a decision of some purposes only: this notice asks for the rest.
      void started().then(
        (half) =>
          half.ready.then(() => {
            const { runtime } = half;
            const states = runtime.states();
            if (noticeLabels(config.consentTypes, options.preview).every((label) => states[label]))
              context.emitter.emit('change', { states, changed: Object.keys(runtime.decisions) });
          }),
        () => {},
      );
    } catch (error) {
      // The second half shows it again, and reports what fails again.
      context.failed(error);
    }
    await painted();
  }
  return started();
}
