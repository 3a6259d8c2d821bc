/**
 * `npx tsx bench/trace.ts [widget] [rate] [out-prefix]`: a Chrome trace (CDP `Tracing`) of one first
 * visit and one return visit of the benchmark page at a CPU throttling rate (default ×4), and a
 * summary: the renderer main thread's tasks from navigation to first contentful paint, what they
 * did (parse, script evaluation by URL, style, layout, paint) in wall and thread CPU time (the
 * latter is what another process's load does not inflate), the long tasks, and the network timing
 * of every request. `WIDGETS=none,assent RUNS=3` interleaves widgets and repeats. Needs
 * `npm run build`.
 */
import { writeFileSync } from 'node:fs';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { launchOptions } from '../playwright.config.ts';
import {
  inPage,
  installProbe,
  listenForSignals,
  readProbe,
  waitForSignal,
  type ProbeResult,
} from './page-probe.ts';
import { NOTICE, startPageServer, type Widget } from './page-server.ts';
import { startAssentServer } from './server-process.ts';

const widget = (process.argv[2] ?? 'assent') as Widget;
const rate = Number(process.argv[3] ?? 4);
const out = process.argv[4];

interface TraceData {
  url?: string;
  requestId?: string;
  priority?: string;
  renderBlocking?: string;
  functionName?: string;
  lineNumber?: number;
  isLoadingMainFrame?: boolean;
}
interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, which another process's load does not inflate. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: TraceData; fileName?: string; src_func?: string };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'loading',
  'v8.execute',
  'v8',
  'toplevel',
];

async function traced(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }) => void events.push(...(value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  await run();
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  return events;
}

const file = (url: string | undefined) => {
  if (!url) return '';
  try {
    return new URL(url).pathname.replace(/^\/assent\/[0-9a-f-]{36}\//, '/assent/{project}/');
  } catch {
    return url;
  }
};

/** What the events inside a task are, by trace event name. */
const KINDS: Record<string, string> = {
  ParseHTML: 'parse HTML',
  EvaluateScript: 'evaluate script',
  'v8.compileModule': 'compile module',
  'v8.evaluateModule': 'evaluate module',
  'v8.produceCache': 'produce code cache',
  FunctionCall: 'function call',
  EventDispatch: 'event',
  TimerFire: 'timer',
  FireAnimationFrame: 'animation frame',
  FireIdleCallback: 'idle callback',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  ParseAuthorStyleSheet: 'parse CSS',
  'ResourceFetcher::requestResource': 'start a request',
  'Receive mojo reply': 'wait for a synchronous IPC reply',
  MinorGC: 'GC',
  MajorGC: 'GC',
};
/** Kinds whose script URL is worth telling apart. */
const BY_URL = new Set(['evaluate script', 'compile module', 'function call']);

const ms = (us = 0) => (us / 1000).toFixed(1);

function summarize(events: TraceEvent[], label: string): string[] {
  const lines: string[] = [`## ${label}`];
  const parse = events.find((e) => e.name === 'ParseHTML');
  if (!parse) return [...lines, 'no ParseHTML'];
  const { pid, tid } = parse;
  const nav = events.find(
    (e) => e.name === 'navigationStart' && e.pid === pid && e.args?.data?.isLoadingMainFrame,
  );
  const t0 = nav?.ts ?? parse.ts;
  const at = (ts: number) => ms(ts - t0);
  const fcpEvent = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === pid);
  const fcp = fcpEvent?.ts ?? Infinity;
  lines.push(`FCP ${fcpEvent ? at(fcp) : '?'} ms after navigation start`);
  const requests = new Map<
    string,
    { url: string; send?: number; response?: number; end?: number; blocking?: string }
  >();
  for (const e of events) {
    const data = e.args?.data;
    if (!data?.requestId) continue;
    const entry = requests.get(data.requestId) ?? { url: '' };
    if (e.name === 'ResourceSendRequest') {
      entry.url = data.url ?? '';
      entry.send = e.ts;
      entry.blocking = data.renderBlocking;
    } else if (e.name === 'ResourceReceiveResponse') entry.response = e.ts;
    else if (e.name === 'ResourceFinish') entry.end = e.ts;
    requests.set(data.requestId, entry);
  }
  lines.push('', 'requests: sent / first byte / finished (ms)');
  for (const r of [...requests.values()].sort((a, b) => (a.send ?? 0) - (b.send ?? 0)))
    lines.push(
      `  ${r.send ? at(r.send) : '?'} / ${r.response ? at(r.response) : '?'} / ${r.end ? at(r.end) : '?'}  ${file(r.url)}${r.blocking === 'blocking' ? ' (render-blocking)' : ''}`,
    );
  const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts >= t0);
  const inner = main.filter((e) => KINDS[e.name]);
  const key = (e: TraceEvent) => {
    const kind = KINDS[e.name]!;
    const url = e.args?.data?.url ?? e.args?.fileName;
    return BY_URL.has(kind) && url ? `${kind} ${file(url)}` : kind;
  };
  const within = (task: TraceEvent) =>
    inner.filter((e) => e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0));
  const describe = (task: TraceEvent) =>
    within(task)
      .filter((e) => (e.dur ?? 0) >= 1000)
      .map((e) => `${key(e)} ${ms(e.dur)}`)
      .slice(0, 6)
      .join('; ');
  lines.push('', 'main-thread tasks >= 8 ms (start, wall ms / thread CPU ms: what)');
  let long = 0;
  for (const task of tasks) {
    if ((task.dur ?? 0) >= 50_000) long += task.dur!;
    if ((task.dur ?? 0) < 8000) continue;
    lines.push(
      `  ${at(task.ts)}${task.ts > fcp ? ' (after FCP)' : ''} ${ms(task.dur)} / ${ms(task.tdur)}: ${describe(task)}`,
    );
  }
  lines.push(`  tasks >= 50 ms: ${ms(long)} ms in all`);
  const totals = new Map<string, [number, number]>();
  for (const task of tasks.filter((t) => t.ts <= fcp))
    for (const e of within(task)) {
      const sum = totals.get(key(e)) ?? [0, 0];
      totals.set(key(e), [sum[0] + (e.dur ?? 0), sum[1] + (e.tdur ?? 0)]);
    }
  lines.push(
    '',
    'navigation → FCP, by kind (wall ms / thread CPU ms; nested events count in each)',
  );
  for (const [kind, [wall, cpu]] of [...totals.entries()]
    .sort((a, b) => b[1][1] - a[1][1])
    .slice(0, 14))
    lines.push(`  ${ms(wall).padStart(7)} / ${ms(cpu).padStart(6)}  ${kind}`);
  return lines;
}

async function visit(page: Page, cdp: CDPSession, url: string, gated: boolean, w: Widget) {
  const signal = gated ? waitForSignal(cdp, 'gated') : NOTICE[w] && waitForSignal(cdp, 'notice');
  await page.goto(url, { waitUntil: 'load' });
  await signal;
  await page.waitForTimeout(700);
}

const assent = await startAssentServer();
const pages = await startPageServer(assent.origin);
const browser = await chromium.launch(launchOptions);
const widgets = (process.env.WIDGETS ?? widget).split(',') as Widget[];
const runs = Number(process.env.RUNS ?? 1);
try {
  // A warm server and browser, as on a CMP's CDN: the first request of a fresh server is slow.
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const w of widgets)
      await page.goto(`${pages.origin}/bench/${w}.html`, { waitUntil: 'load' });
    await page.waitForTimeout(1000);
    await context.close();
  }
  for (let run = 0; run < runs; run++)
    for (const w of widgets) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript({ content: inPage(installProbe, NOTICE[w]) });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await listenForSignals(cdp);
      const url = `${pages.origin}/bench/${w}.html`;
      const first = await traced(cdp, () => visit(page, cdp, url, false, w));
      const probe = (await page.evaluate(inPage(readProbe))) as ProbeResult;
      console.log(
        `\n# run ${run} CPU ×${rate} ${w}: probe FCP ${probe.fcp?.toFixed(0)} ms, notice ${probe.noticeAt?.toFixed(0)} ms, long tasks ${probe.longTaskMs.toFixed(0)} ms`,
      );
      console.log(summarize(first, 'first visit').join('\n'));
      if (out)
        writeFileSync(`${out}.${w}.${run}.first.json`, JSON.stringify({ traceEvents: first }));
      if (w !== 'none') {
        const clicked = waitForSignal(cdp, 'gated');
        await page.getByRole('button', { name: 'Accept all', exact: true }).first().click();
        await clicked;
        await page.waitForTimeout(300);
        const back = await traced(cdp, () => visit(page, cdp, url, true, w));
        const returned = (await page.evaluate(inPage(readProbe))) as ProbeResult;
        console.log(
          `\nreturn visit: probe FCP ${returned.fcp?.toFixed(0)} ms, gated at ${returned.gatedAt?.toFixed(0)} ms, long tasks ${returned.longTaskMs.toFixed(0)} ms`,
        );
        console.log(summarize(back, 'return visit').join('\n'));
        if (out)
          writeFileSync(`${out}.${w}.${run}.back.json`, JSON.stringify({ traceEvents: back }));
      }
      await context.close();
    }
} finally {
  await browser.close();
  await pages.close();
  assent.stop();
}
