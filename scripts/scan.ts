/**
 * `npm run scan -- <url> [--allow-cookie <pattern>]…`: opens a page in a fresh headless Chromium
 * and records what it stores and whom it contacts before any choice, after "Reject all" (and on
 * the next page view), and after "Accept all"; checks the Google Consent Mode order. Prints a
 * report; exits 1 when anything tracked before consent or after rejection, 2 when the scan
 * itself failed.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { matchesCookiePattern } from '../src/integrations/cookie-clearing.ts';

export type Phase = 'before consent' | 'after reject' | 'after accept';

export interface ScanReport {
  url: string;
  phases: Record<Phase, { requests: string[]; cookies: string[]; storage: string[] }>;
  /** Tracking before consent or after rejection, and Consent Mode mistakes: each fails the scan. */
  problems: string[];
  /** Observations that do not fail the scan. */
  notes: string[];
}

export interface ScanOptions {
  /** Cookie name patterns (`*` wildcard) that are strictly necessary and may be set at any time. */
  allowCookies?: string[];
  /** How long to let the page work after each step, in milliseconds. @default 1500 */
  settleMs?: number;
}

const PHASES: Phase[] = ['before consent', 'after reject', 'after accept'];
/** Consent Mode types that only a consent may grant. */
const CONSENT_ONLY = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage'];

/** A rough registrable domain: the host for IPs and `localhost`, else the last two labels. */
export function siteOf(url: string): string {
  const host = new URL(url).hostname;
  if (/^[\d.]+$|:|^\[/.test(host) || !host.includes('.')) return host;
  const labels = host.split('.');
  // `shop.example.co.uk`: a two-letter top-level domain after a short label keeps three labels.
  const keep = labels.at(-1)!.length === 2 && labels.at(-2)!.length <= 3 ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** The order problems of a dataLayer read as `consent default`, `config`, `event x` lines. */
export function consentModeProblems(lines: string[], phase: Phase): string[] {
  const problems: string[] = [];
  const consent = lines.filter((line) => line.startsWith('consent '));
  if (!consent.length) return problems;
  const firstDefault = lines.findIndex((line) => line.startsWith('consent default'));
  const firstTag = lines.findIndex(
    (line) => !line.startsWith('consent ') && !line.startsWith('set '),
  );
  if (firstDefault < 0) problems.push(`${phase}: dataLayer has consent commands but no default`);
  else if (firstTag >= 0 && firstTag < firstDefault) {
    problems.push(`${phase}: "${lines[firstTag]}" comes before the consent default`);
  }
  if (!consent[0]!.startsWith('consent default')) {
    problems.push(`${phase}: the first consent command is "${consent[0]}", not a default`);
  }
  return problems;
}

interface PageState {
  layer: string[];
  /** The last consent values Google tags would see (region-specific defaults left out). */
  consent: Record<string, string>;
  widgetOrigins: string[];
}

async function readPage(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const consent: Record<string, string> = {};
    const layer = ((window as unknown as { dataLayer?: unknown[] }).dataLayer ?? []).map(
      (entry) => {
        if (Object.prototype.toString.call(entry) === '[object Arguments]') {
          const [command, name, values] = Array.from(entry as ArrayLike<unknown>);
          if (command === 'consent' && values && !(values as { region?: unknown }).region) {
            Object.assign(consent, values);
          }
          return `${String(command)}${typeof name === 'string' ? ` ${name}` : ''}`;
        }
        const event = (entry as { event?: unknown } | null)?.event;
        return `event ${typeof event === 'string' ? event : '(object)'}`;
      },
    );
    const widgetOrigins = Array.from(
      document.querySelectorAll<HTMLScriptElement>('script[data-project]'),
    ).flatMap((script) => [new URL(script.src, location.href).origin, script.dataset.api ?? '']);
    return { layer, consent, widgetOrigins: widgetOrigins.filter(Boolean) };
  });
}

/** Clicks the notice button named `name`, or calls the window API when there is no notice. */
async function choose(page: Page, name: RegExp, accept: boolean, settleMs: number) {
  const button = page.getByRole('button', { name });
  try {
    await button.first().click({ timeout: settleMs * 2 });
  } catch {
    await page.evaluate(async (accept) => {
      const assent = (
        window as unknown as {
          assent?: { accept(): Promise<unknown>; decline(): Promise<unknown> };
        }
      ).assent;
      await (accept ? assent?.accept() : assent?.decline());
    }, accept);
  }
  await page.waitForTimeout(settleMs);
}

export async function scan(url: string, options: ScanOptions = {}): Promise<ScanReport> {
  const settleMs = options.settleMs ?? 1500;
  const allowCookies = options.allowCookies ?? [];
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
  const browser = await chromium.launch({
    ...(process.env.CHROMIUM_PATH || executablePath
      ? { executablePath: process.env.CHROMIUM_PATH ?? executablePath }
      : {}),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
  const report: ScanReport = {
    url,
    phases: Object.fromEntries(
      PHASES.map((phase) => [phase, { requests: [], cookies: [], storage: [] }]),
    ) as unknown as ScanReport['phases'],
    problems: [],
    notes: [],
  };
  let phase: Phase = 'before consent';
  try {
    // A fresh, non-persistent profile: nothing from an earlier visit.
    const context: BrowserContext = await browser.newContext();
    const pageSite = siteOf(url);
    let widgetOrigins: string[] = [];
    context.on('request', (request) => {
      const requested = request.url();
      if (!/^https?:/.test(requested) || siteOf(requested) === pageSite) return;
      if (widgetOrigins.includes(new URL(requested).origin)) return;
      report.phases[phase].requests.push(`${request.method()} ${requested}`);
    });
    await context.exposeBinding('__assentScanStorage', (_source, entry: string) => {
      report.phases[phase].storage.push(entry);
    });
    // Storage writes, seen from inside the page (the widget's own `assent:` keys are its job).
    await context.addInitScript(() => {
      const record = (window as unknown as { __assentScanStorage(entry: string): void })
        .__assentScanStorage;
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (!String(key).startsWith('assent:')) {
          void record(`${this === window.localStorage ? 'localStorage' : 'sessionStorage'} ${key}`);
        }
        return setItem.call(this, key, value);
      };
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (name: string, version?: number) {
        if (name !== 'assent') void record(`indexedDB ${name}`);
        return version === undefined ? open.call(this, name) : open.call(this, name, version);
      };
    });
    const seen = new Set<string>();
    const collectCookies = async () => {
      for (const cookie of await context.cookies()) {
        const id = `${cookie.name} (${cookie.domain}${cookie.path})`;
        // A value that changed means the cookie was written again in this phase.
        const written = `${id}=${cookie.value}`;
        if (seen.has(written)) continue;
        seen.add(written);
        if (allowCookies.some((pattern) => matchesCookiePattern(cookie.name, pattern))) continue;
        report.phases[phase].cookies.push(id);
      }
    };
    const page = await context.newPage();
    const settle = async () => {
      await page.waitForLoadState('load');
      await page.waitForTimeout(settleMs);
      const state = await readPage(page);
      widgetOrigins = state.widgetOrigins;
      await collectCookies();
      return state;
    };

    await page.goto(url);
    const before = await settle();
    report.problems.push(...consentModeProblems(before.layer, phase));
    if (!before.layer.some((line) => line.startsWith('consent default'))) {
      report.notes.push('no Google Consent Mode default in dataLayer');
    }

    phase = 'after reject';
    await choose(page, /reject all/i, false, settleMs);
    await collectCookies();
    await page.reload();
    const rejected = await settle();
    report.problems.push(...consentModeProblems(rejected.layer, phase));
    for (const type of CONSENT_ONLY) {
      if (rejected.consent[type] === 'granted') {
        report.problems.push(`${phase}: Consent Mode grants ${type}`);
      }
    }

    phase = 'after accept';
    await page.evaluate(() =>
      (window as unknown as { assent?: { showNotice(): Promise<unknown> } }).assent?.showNotice(),
    );
    await choose(page, /accept all/i, true, settleMs);
    const accepted = await readPage(page);
    await collectCookies();
    if (before.layer.some((line) => line.startsWith('consent'))) {
      const denied = CONSENT_ONLY.filter((type) => accepted.consent[type] !== 'granted');
      if (denied.length)
        report.problems.push(`${phase}: Consent Mode still denies ${denied.join(', ')}`);
    }
  } finally {
    await browser.close();
  }
  for (const leaky of ['before consent', 'after reject'] as const) {
    const { requests, cookies, storage } = report.phases[leaky];
    for (const request of requests)
      report.problems.push(`${leaky}: request to another site: ${request}`);
    for (const cookie of cookies) report.problems.push(`${leaky}: cookie set: ${cookie}`);
    for (const entry of storage) report.problems.push(`${leaky}: storage written: ${entry}`);
  }
  return report;
}

export function formatReport(report: ScanReport): string {
  const lines = [`Assent scan of ${report.url}`, ''];
  for (const phase of PHASES) {
    const { requests, cookies, storage } = report.phases[phase];
    lines.push(`${phase}:`);
    if (!requests.length && !cookies.length && !storage.length) lines.push('  nothing');
    for (const request of requests) lines.push(`  request  ${request}`);
    for (const cookie of cookies) lines.push(`  cookie   ${cookie}`);
    for (const entry of storage) lines.push(`  storage  ${entry}`);
  }
  lines.push('');
  for (const note of report.notes) lines.push(`note: ${note}`);
  if (report.problems.length) {
    lines.push(`LEAKY: ${report.problems.length} problem(s)`);
    for (const problem of report.problems) lines.push(`  ✗ ${problem}`);
  } else {
    lines.push('CLEAN: nothing tracked before consent or after rejection');
  }
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const allowCookies: string[] = [];
  let url: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--allow-cookie') allowCookies.push(argv[++i] ?? '');
    else url ??= argv[i];
  }
  if (!url || !/^https?:\/\//.test(url)) {
    console.error('usage: npm run scan -- <http(s) url> [--allow-cookie <pattern>]…');
    return 2;
  }
  const report = await scan(url, { allowCookies });
  console.log(formatReport(report));
  return report.problems.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error('scan failed:', error);
      process.exitCode = 2;
    },
  );
}
