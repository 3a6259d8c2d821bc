/**
 * `npx tsx bench/profile.ts [widget] [rate]`: where Assent's time goes on the benchmark page, at a
 * CPU throttling rate (default ×4): the widget's resources in the order they finished, when the
 * notice showed, and the functions that took the most CPU (self time) from navigation to the
 * notice, and from the click on "Accept all" to the gated script running. Needs `npm run build`.
 */
import { chromium, type CDPSession } from '@playwright/test';
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

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The functions with the most self time, in ms. */
function topFunctions(profile: Profile, count = 12): string[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame;
    const file = frame.url.split('/').pop() || '(native)';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, ms]) => `${ms.toFixed(1).padStart(7)} ms  ${key}`);
}

async function profiled<T>(cdp: CDPSession, run: () => Promise<T>): Promise<[T, Profile]> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  return [result, profile];
}

const assent = await startAssentServer();
const pages = await startPageServer(assent.origin);
const browser = await chromium.launch(launchOptions);
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript({ content: inPage(installProbe, NOTICE.assent) });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await listenForSignals(cdp);
  const url = `${pages.origin}/bench/${widget}.html`;
  const [, first] = await profiled(cdp, async () => {
    const noticed = waitForSignal(cdp, 'notice');
    await page.goto(url, { waitUntil: 'load' });
    await noticed;
  });
  const probe = (await page.evaluate(inPage(readProbe))) as ProbeResult;
  const timings = (await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => {
      const timing = entry as PerformanceResourceTiming;
      return [timing.name, timing.startTime, timing.responseEnd] as const;
    }),
  )) as [string, number, number][];
  console.log(
    `CPU ×${rate}: FCP ${probe.fcp?.toFixed(0)} ms, notice ${probe.noticeAt?.toFixed(0)} ms`,
  );
  for (const [name, start, end] of timings)
    console.log(
      `  ${start.toFixed(0).padStart(5)}–${end.toFixed(0).padStart(5)} ms  ${new URL(name).pathname}`,
    );
  console.log('\nself time, navigation → notice:');
  console.log(topFunctions(first).join('\n'));
  await page.waitForTimeout(500);
  const [, click] = await profiled(cdp, async () => {
    const gated = waitForSignal(cdp, 'gated');
    await page.getByRole('button', { name: 'Accept all', exact: true }).first().click();
    await gated;
  });
  const clicked = (await page.evaluate(inPage(readProbe))) as ProbeResult;
  console.log(
    `\nclick → gated script: ${(clicked.gatedAt! - clicked.clickAt!).toFixed(0)} ms; self time:`,
  );
  console.log(topFunctions(click).join('\n'));
  await page.waitForTimeout(300);
  const [, back] = await profiled(cdp, async () => {
    const gated = waitForSignal(cdp, 'gated');
    await page.goto(url, { waitUntil: 'load' });
    await gated;
  });
  const returned = (await page.evaluate(inPage(readProbe))) as ProbeResult;
  console.log(`\nreturn visit: gated script at ${returned.gatedAt!.toFixed(0)} ms; self time:`);
  console.log(topFunctions(back).join('\n'));
} finally {
  await browser.close();
  await pages.close();
  assent.stop();
}
