/**
 * `npm run bench`: loads the same page without a widget, with Assent and with the two best
 * open-source peers, in Chromium on loopback, interleaved, at CPU ×1 and ×4, and prints a markdown
 * table of medians (min–max). BENCH_RUNS sets the runs per configuration (default 7).
 * Needs the built widget (`npm run build`; `npm run bench` builds first).
 *
 * `BENCH_BASE=/path/to/another/checkout` (built, with its `node_modules`) adds that checkout's
 * Assent to the same interleaved run, served by its own server and page server, as the column
 * "Assent, base": a before and after at the same load, which two runs one after the other on a
 * noisy machine are not.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { launchOptions } from '../playwright.config.ts';
import { NOTICE, startPageServer, WIDGETS, type Widget } from './page-server.ts';
import {
  inPage,
  installProbe,
  listenForSignals,
  readProbe,
  waitForSignal,
  type ProbeResult,
} from './page-probe.ts';
import { startAssentServer } from './server-process.ts';
import { summarize } from './stats.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const BASE = process.env.BENCH_BASE;
const RATES = [1, 4];
/** How long after the notice (or, without one, after load) long tasks and shifts still count. */
const SETTLE_MS = 700;

interface Sample {
  widget: Widget;
  /** Measured on `BENCH_BASE`'s Assent. */
  base?: boolean;
  rate: number;
  fcp: number;
  noticeAt?: number;
  longTaskMs: number;
  cls: number;
  /** JS + CSS of the widget loaded before the notice showed: on the wire, and brotli-compressed. */
  rawBytes: number;
  brotliBytes: number;
  requests: number;
  clickToGated?: number;
  returnGatedAt?: number;
  returnBrotliBytes?: number;
  returnFlashed?: boolean;
}

/** Bodies fetched once per URL: what a file weighs raw and brotli-compressed (quality 11). */
const weights = new Map<string, { raw: number; brotli: number }>();
async function weigh(url: string) {
  let weight = weights.get(url);
  if (!weight) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    const brotli = brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
    weight = { raw: body.length, brotli };
    weights.set(url, weight);
  }
  return weight;
}

/** The widget's own JS and CSS: not the page's stylesheet, not the gated script. */
const isWidgetAsset = (url: string) => {
  const { pathname } = new URL(url);
  return (
    /\.(js|css)$/.test(pathname) && pathname !== '/css/site.css' && !pathname.startsWith('/bench/')
  );
};

async function weighResources(resources: ProbeResult['resources']) {
  const assets = resources.filter((resource) => isWidgetAsset(resource.url));
  let raw = 0;
  let brotli = 0;
  for (const asset of assets) {
    const weight = await weigh(asset.url);
    raw += weight.raw;
    brotli += weight.brotli;
  }
  return { raw, brotli, requests: assets.length };
}

async function measure(
  browser: Browser,
  origin: string,
  widget: Widget,
  rate: number,
): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.addInitScript({ content: inPage(installProbe, NOTICE[widget]) });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await listenForSignals(cdp);
    const url = `${origin}/bench/${widget}.html`;
    // Nothing is evaluated in the page until the measures are in (see page-probe.ts).
    const noticed = widget !== 'none' && waitForSignal(cdp, 'notice');
    await page.goto(url, { waitUntil: 'load' });
    await noticed;
    await page.waitForTimeout(SETTLE_MS);
    const first = (await page.evaluate(inPage(readProbe))) as ProbeResult;
    const weight = await weighResources(first.resources);
    const sample: Sample = {
      widget,
      rate,
      fcp: first.fcp ?? NaN,
      longTaskMs: first.longTaskMs,
      cls: first.cls,
      rawBytes: weight.raw,
      brotliBytes: weight.brotli,
      requests: weight.requests,
      ...(first.noticeAt !== null && { noticeAt: first.noticeAt }),
    };
    if (widget !== 'none') {
      const gated = waitForSignal(cdp, 'gated');
      await page.getByRole('button', { name: 'Accept all', exact: true }).first().click();
      await gated;
      const clicked = (await page.evaluate(inPage(readProbe))) as ProbeResult;
      sample.clickToGated = clicked.gatedAt! - clicked.clickAt!;
      // Let the decision reach storage before the next visit.
      await page.waitForTimeout(300);
      const back = waitForSignal(cdp, 'gated');
      await page.goto(url, { waitUntil: 'load' });
      await back;
      await page.waitForTimeout(SETTLE_MS);
      const returned = (await page.evaluate(inPage(readProbe))) as ProbeResult;
      sample.returnGatedAt = returned.gatedAt!;
      sample.returnFlashed = returned.noticeAt !== null;
      sample.returnBrotliBytes = (await weighResources(returned.resources)).brotli;
    }
    if (errors.length) throw new Error(`${widget}: page errors: ${errors.join('; ')}`);
    return sample;
  } finally {
    await context.close();
  }
}

const ms = (value: number) => `${Math.round(value)}`;
const kb = (value: number) => (value / 1000).toFixed(1);
const cls = (value: number) => value.toFixed(3);

function cell(values: number[], format: (value: number) => string): string {
  const summary = summarize(values.filter((value) => Number.isFinite(value)));
  if (!summary) return '–';
  return summary.min === summary.max
    ? format(summary.median)
    : `${format(summary.median)} (${format(summary.min)}–${format(summary.max)})`;
}

function table(samples: Sample[], rate: number): string {
  const of = (widget: Widget, base = false) =>
    samples.filter((s) => s.widget === widget && s.rate === rate && !!s.base === base);
  const alone = summarize(of('none').map((s) => s.fcp))?.median ?? NaN;
  const rows: [string, (s: Sample) => number | undefined, (value: number) => string, boolean][] = [
    ['widget JS + CSS before the notice, brotli (kB)', (s) => s.brotliBytes, kb, false],
    ['widget JS + CSS before the notice, raw (kB)', (s) => s.rawBytes, kb, false],
    ['widget JS + CSS requests', (s) => s.requests, ms, false],
    ['first contentful paint (ms)', (s) => s.fcp, ms, false],
    ['notice visible (ms after navigation)', (s) => s.noticeAt, ms, true],
    [
      'notice visible ÷ page-alone FCP',
      (s) => (s.noticeAt ?? NaN) / alone,
      (v) => v.toFixed(2),
      true,
    ],
    ['long tasks, total (ms)', (s) => s.longTaskMs, ms, false],
    ['CLS', (s) => s.cls, cls, false],
    ['click → gated script running (ms)', (s) => s.clickToGated, ms, true],
    ['return visit: gated script running (ms)', (s) => s.returnGatedAt, ms, true],
    ['return visit: widget JS + CSS, brotli (kB)', (s) => s.returnBrotliBytes, kb, true],
    ['return visit: notice flashed (runs)', (s) => (s.returnFlashed ? 1 : 0), ms, true],
  ];
  const peers: Widget[] = ['cookieconsent', 'orejime'];
  const lines = [
    `CPU ×${rate}, ${of('assent').length} runs each: median (min–max)`,
    '',
    `| measure | page alone | Assent | vanilla-cookieconsent | orejime | Assent ÷ best peer |${BASE ? ' Assent, base |' : ''}`,
    `| --- | --- | --- | --- | --- | --- |${BASE ? ' --- |' : ''}`,
  ];
  for (const [name, pick, format, widgetOnly] of rows) {
    const values = (widget: Widget, base = false) => of(widget, base).map((s) => pick(s) ?? NaN);
    const isCount = name.includes('(runs)');
    const cellFor = (widget: Widget, base = false) =>
      widgetOnly && widget === 'none'
        ? '–'
        : isCount
          ? `${values(widget, base).reduce((a, b) => a + b, 0)} / ${values(widget, base).length}`
          : cell(values(widget, base), format);
    const median = (widget: Widget) => summarize(values(widget).filter(Number.isFinite))?.median;
    const best = Math.min(...peers.map((peer) => median(peer) ?? Infinity));
    const assent = median('assent');
    const ratio =
      !isCount && assent !== undefined && best > 0 && Number.isFinite(best)
        ? (assent / best).toFixed(2)
        : '–';
    const base = BASE ? ` ${cellFor('assent', true)} |` : '';
    lines.push(`| ${name} | ${WIDGETS.map((w) => cellFor(w)).join(' | ')} | ${ratio} |${base}`);
  }
  return lines.join('\n');
}

async function main() {
  if (!existsSync(join(root, 'dist/assent.js')))
    throw new Error('build the widget first: npm run build');
  const assent = await startAssentServer();
  const pages = await startPageServer(assent.origin);
  const baseAssent = BASE ? await startAssentServer(BASE) : undefined;
  const basePages = baseAssent && (await startPageServer(baseAssent.origin));
  const browser = await chromium.launch(launchOptions);
  const samples: Sample[] = [];
  // Warm servers, as a CMP's CDN and a site's own server are: the first request a fresh Node
  // process answers takes 150-700 ms (compiling its routes), which fell on one widget's sample.
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const widget of WIDGETS)
      await page.goto(`${pages.origin}/bench/${widget}.html`, { waitUntil: 'load' });
    if (basePages) await page.goto(`${basePages.origin}/bench/assent.html`, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    await context.close();
  }
  const started = Date.now();
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const rate of RATES) {
        // A different widget goes first on every run: none profits from a warm machine.
        const order = WIDGETS.map((_, i) => WIDGETS[(i + run) % WIDGETS.length]!);
        for (const widget of order) {
          // With a base, its Assent goes first on every other run.
          const variants =
            basePages && widget === 'assent' ? [run % 2 === 1, run % 2 === 0] : [false];
          for (const base of variants) {
            const origin = base ? basePages!.origin : pages.origin;
            samples.push({
              ...(await measure(browser, origin, widget, rate)),
              ...(base && { base }),
            });
          }
        }
      }
      process.stderr.write(
        `run ${run + 1}/${RUNS} (${Math.round((Date.now() - started) / 1000)} s)\n`,
      );
    }
  } finally {
    await browser.close();
    await pages.close();
    assent.stop();
    await basePages?.close();
    baseAssent?.stop();
  }
  console.log(
    `Chromium ${browser.version()}, loopback, ${new Date().toISOString().slice(0, 10)}\n`,
  );
  for (const rate of RATES) console.log(`${table(samples, rate)}\n`);
}

await main();
