/**
 * The TCF chunk (issue 20), imported by the loader only for projects that enable the TCF: takes
 * `__tcfapi` over from the loader's stub, reads the project's vendor list from the site API (the
 * browser never asks the IAB), keeps a current TC string or asks with the TCF notice, and writes
 * the string where vendors and the site read it: `__tcfapi`, the `euconsent-v2` first-party
 * cookie, and the widget's storage beside the decisions.
 */
import { isTcfSiteConfig } from '../core/tcf.ts';
import type { TcfSiteConfig } from '../core/types.ts';
import type { TcfBundle, TcfOptions } from '../runtime/bundles.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { adoptStyles, createHost } from '../ui/components/shadow-host.ts';
import themeCss from '../ui/components/theme.css?inline';
import actionsCss from '../ui/components/actions.css?inline';
import widgetCss from '../ui/components/widget.css?inline';
import { loadStrings } from '../ui/i18n/ui-strings.ts';
import { decodeAcString, encodeAcString } from './ac-string.ts';
import { createCmpApi, type CmpApi } from './cmp-api.ts';
import {
  choicesOf,
  decodeTcString,
  encodeTcString,
  isTcStringCurrent,
  legitimateInterestPurposes,
  legitimateInterestVendors,
  rejectAllChoices,
  TC_STRING_MAX_AGE_MS,
  type TcfChoices,
  type VendorListJson,
} from './tc-string.ts';
import { renderFirstLayer, renderPreferences, type TcfOutcome } from './tcf-notice.ts';
import { loadTcfStrings } from './tcf-strings.ts';
import css from './tcf.css?inline';

/** What the widget keeps (localStorage and IndexedDB) beside the decisions. */
export interface StoredTcf {
  tcString: string;
  acString: string;
}

const COOKIE = 'euconsent-v2';
const storageKey = (projectId: string) => `assent:tcf:${projectId}`;

function readStored(projectId: string): Partial<StoredTcf> {
  try {
    const text = localStorage.getItem(storageKey(projectId));
    if (text) return JSON.parse(text) as StoredTcf;
  } catch {
    // Unreadable storage: no choice yet.
  }
  const cookie = document.cookie.split('; ').find((part) => part.startsWith(`${COOKIE}=`));
  return cookie ? { tcString: cookie.slice(COOKIE.length + 1) } : {};
}

function writeStored(runtime: Runtime, stored: StoredTcf) {
  try {
    localStorage.setItem(storageKey(runtime.projectId), JSON.stringify(stored));
  } catch {
    // Private mode: the cookie and IndexedDB still hold it.
  }
  void runtime.store.set('tcf', stored).catch(() => {});
  // The TCF's first-party cookie, for the site's own server and tags that read it there.
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${COOKIE}=${stored.tcString}; Max-Age=${Math.floor(TC_STRING_MAX_AGE_MS / 1000)}; Path=/; SameSite=Lax${secure}`;
}

async function fetchVendorList(
  apiBase: string,
  projectId: string,
  language: string,
): Promise<VendorListJson | undefined> {
  try {
    const url = `${apiBase}/site-v1/${projectId}/vendor-list?language=${encodeURIComponent(language)}`;
    const response = await fetch(url, { credentials: 'omit' });
    return response.ok ? ((await response.json()) as VendorListJson) : undefined;
  } catch {
    return undefined;
  }
}

let started: Promise<void> | undefined;
let open = false;

async function boot(runtime: Runtime, options: TcfOptions, config: TcfSiteConfig) {
  const api: CmpApi = createCmpApi(config);
  const queued = window.__tcfapi?.();
  window.__tcfapi = (...args) => api.handle(...(args as [string, unknown, unknown, unknown?]));
  for (const call of Array.isArray(queued) ? (queued as unknown[][]) : [])
    api.handle(...(call as [string, unknown, unknown, unknown?]));

  const siteConfig = runtime.config!;
  const strings = await loadStrings(siteConfig, runtime.languages);
  const list = await fetchVendorList(options.apiBase, runtime.projectId, strings.language);
  if (!list) {
    runtime.emitter.emit('error', { message: 'the TCF vendor list could not be loaded' });
    // Fail closed: vendors learn the CMP is loaded, with no consent.
    return api.update({ eventStatus: 'tcloaded' });
  }
  api.update({ gvlVersion: list.vendorListVersion });
  const stored = readStored(runtime.projectId);
  const model = stored.tcString ? decodeTcString(stored.tcString) : undefined;
  const current = isTcStringCurrent(model, config, list, runtime.now());
  // Every event the manager makes from now on carries the strings in force (issue 20).
  const prove = (tcString: string, acString: string) =>
    (runtime.proofExtras = { ...runtime.proofExtras, tcf: { tcString, acString } });
  if (current) {
    const acString = stored.acString ?? encodeAcString(config.googleAcProviders, []);
    api.update({ tcString: stored.tcString!, model, acString });
    prove(stored.tcString!, acString);
  }
  const words = await loadTcfStrings(strings.language);

  let host: HTMLElement | undefined;
  const close = () => {
    host?.remove();
    host = undefined;
    open = false;
  };
  const show = (section?: string, preferences = false) => {
    close();
    const made = createHost('assent-tcf', siteConfig, strings);
    host = made.host;
    adoptStyles(
      made.shadow,
      `${themeCss}\n${widgetCss}\n${actionsCss}\n${css}`,
      siteConfig.theme?.accent,
    );
    const layer = document.createElement('div');
    layer.className = 'layer';
    made.shadow.append(layer);
    const now = api.state.model;
    // A first visit starts with no consent and no objection: legitimate interest stands until
    // the visitor objects (TCF policy).
    const choices: TcfChoices = now
      ? choicesOf(now, decodeAcString(api.state.acString ?? '')?.consented ?? [])
      : {
          ...rejectAllChoices(),
          purposeLegitimateInterests: legitimateInterestPurposes(config, list),
          vendorLegitimateInterests: legitimateInterestVendors(config, list),
        };
    const props = {
      config,
      list,
      strings,
      words,
      choices,
      onDone: (chosen: TcfChoices, screen: 1 | 2, outcome: TcfOutcome) =>
        void decide(chosen, screen, outcome),
    };
    const first = () => layer.replaceChildren(renderFirstLayer(props, openPreferences));
    const openPreferences = (at?: string) =>
      layer.replaceChildren(renderPreferences(props, first, at));
    if (preferences) openPreferences(section);
    else first();
    document.body.append(host);
    open = true;
    api.update({ eventStatus: 'cmpuishown', displayStatus: 'visible' });
    (made.shadow.querySelector('button') as HTMLElement | null)?.focus({ preventScroll: true });
  };

  async function decide(choices: TcfChoices, screen: 1 | 2, outcome: TcfOutcome) {
    const tcString = encodeTcString({
      config,
      list: list!,
      choices,
      language: strings.language,
      consentScreen: screen,
      now: runtime.now(),
    });
    const acString = encodeAcString(config.googleAcProviders, choices.acConsents);
    writeStored(runtime, { tcString, acString });
    // Before the manager records the site's own types: their events carry this decision's string.
    prove(tcString, acString);
    close();
    api.update({
      tcString,
      model: decodeTcString(tcString),
      acString,
      eventStatus: 'useractioncomplete',
      displayStatus: 'hidden',
    });
    try {
      // The site's own consent types follow an accept all or reject all; a choice of the
      // visitor's own leaves them to the site's notice, asked next.
      if (outcome === 'accept') await (await options.manager()).accept();
      else if (outcome === 'reject') await (await options.manager()).decline();
      else await options.askRest();
    } catch (error) {
      runtime.emitter.emit('error', {
        message: `could not record the TCF choice: ${String(error)}`,
      });
    }
  }

  // The site's link to reopen the TCF choices (`<a data-assent-open="tcf">`), a TCF requirement.
  // Captured, so that the loader's own `data-assent-open` handler does not open its notice too.
  document.addEventListener(
    'click',
    (event) => {
      const opener = (event.target as Element | null)?.closest?.('[data-assent-open="tcf"]');
      if (!opener) return;
      event.preventDefault();
      event.stopPropagation();
      show(undefined, true);
    },
    { capture: true },
  );

  if (!config.gdprApplies || current) {
    return api.update({
      eventStatus: 'tcloaded',
      displayStatus: config.gdprApplies ? 'hidden' : 'disabled',
    });
  }
  show();
}

export const startTcf: TcfBundle['startTcf'] = async (runtime, options) => {
  const config = runtime.config?.tcf;
  if (!config) return false;
  // The loader checked only that there is a TCF block; the loader takes its stub away on this.
  if (!isTcfSiteConfig(config)) throw new Error('site config has malformed TCF settings');
  started ??= boot(runtime, options, config).catch((error: unknown) =>
    runtime.emitter.emit('error', { message: `the TCF could not start: ${String(error)}` }),
  );
  await started;
  return open;
};
