/**
 * What the benchmark installs in every page before its own scripts run (`addInitScript`): it
 * watches for the widget's notice, long tasks, layout shifts and the first click. Serialized into
 * the page: it must not close over anything. It tells the benchmark when the notice showed and
 * when the gated script ran through a CDP binding (`waitForSignal`), so that the benchmark does
 * not evaluate anything in the page while it is measured: Playwright's `waitForFunction` installs
 * its injected script in the page, a task of its own (about 50 ms at CPU ×4) that counted as a
 * long task of every widget and never of the page alone.
 */
import type { CDPSession } from '@playwright/test';

/** The binding the probe calls: `Runtime.addBinding` on the page's CDP session. */
export const SIGNAL = '__benchSignal';
export type Signal = 'notice' | 'gated';

/** Installs the binding; call before the first navigation. */
export async function listenForSignals(cdp: CDPSession): Promise<void> {
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: SIGNAL });
}

/** Resolves on the probe's next `signal` (or at once if `already` says it came). */
export function waitForSignal(cdp: CDPSession, signal: Signal, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cdp.off('Runtime.bindingCalled', listener);
      reject(new Error(`no ${signal} signal from the page in ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (event: { name: string; payload: string }) => {
      if (event.name !== SIGNAL || event.payload !== signal) return;
      clearTimeout(timer);
      cdp.off('Runtime.bindingCalled', listener);
      resolve();
    };
    cdp.on('Runtime.bindingCalled', listener);
  });
}
export interface ProbeResult {
  /** ms after navigation: the notice was laid out visible and a frame was painted after it. */
  noticeAt: number | null;
  fcp: number | null;
  longTaskMs: number;
  cls: number;
  clickAt: number | null;
  gatedAt: number | null;
  /** JS and CSS that had finished loading when the notice was seen (or, without one, now). */
  resources: { url: string; transferSize: number; end: number }[];
}

declare global {
  interface Window {
    __bench: {
      noticeAt: number | null;
      longTaskMs: number;
      cls: number;
      clickAt: number | null;
      resources: ProbeResult['resources'] | null;
    };
    __benchGatedAt?: number;
  }
}

export function installProbe(selector: string): void {
  const state: Window['__bench'] = {
    noticeAt: null,
    longTaskMs: 0,
    cls: 0,
    clickAt: null,
    resources: null,
  };
  window.__bench = state;
  const signal = (name: string) =>
    (window as unknown as Record<string, ((payload: string) => void) | undefined>)[
      '__benchSignal'
    ]?.(name);
  // The gated script sets `__benchGatedAt`: the probe hears it.
  let gatedAt: number | undefined;
  Object.defineProperty(window, '__benchGatedAt', {
    configurable: true,
    get: () => gatedAt,
    set(value: number) {
      gatedAt = value;
      signal('gated');
    },
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTaskMs += entry.duration;
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
    })[])
      if (!entry.hadRecentInput) state.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  addEventListener('click', () => (state.clickAt ??= performance.now()), true);
  if (!selector) return;

  /** `host >>> inner` looks inside an open shadow root. */
  const find = (): Element | null => {
    const [host, inner] = selector.split(' >>> ');
    const element = document.querySelector(host!);
    return inner ? (element?.shadowRoot?.querySelector(inner) ?? null) : element;
  };
  const visible = (element: Element): boolean => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return (
      box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && Number(style.opacity) > 0
    );
  };
  let seen = false;
  const check = () => {
    if (seen) return;
    const element = find();
    if (!element || !visible(element)) return;
    seen = true;
    const resources = performance
      .getEntriesByType('resource')
      .map((entry) => entry as PerformanceResourceTiming)
      .map((entry) => ({
        url: entry.name,
        transferSize: entry.transferSize,
        end: entry.responseEnd,
      }));
    // After the next frame: the notice has been painted.
    requestAnimationFrame(() =>
      setTimeout(() => {
        state.noticeAt = performance.now();
        state.resources = resources;
        signal('notice');
      }),
    );
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
  });
  // Transitions change visibility without a mutation.
  const poll = () => {
    check();
    if (!seen) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/** Read back in the page. */
export function readProbe(): ProbeResult {
  const state = window.__bench;
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
  const resources =
    state.resources ??
    performance
      .getEntriesByType('resource')
      .map((entry) => entry as PerformanceResourceTiming)
      .map((entry) => ({
        url: entry.name,
        transferSize: entry.transferSize,
        end: entry.responseEnd,
      }));
  return {
    noticeAt: state.noticeAt,
    fcp,
    longTaskMs: state.longTaskMs,
    cls: state.cls,
    clickAt: state.clickAt,
    gatedAt: window.__benchGatedAt ?? null,
    resources,
  };
}

/**
 * Source that runs `fn(arg)` in the page. tsx compiles with esbuild's keepNames, which wraps
 * functions in `__name(...)` calls that only exist in Node: the page gets a stand-in.
 */
export function inPage(fn: (arg: string) => unknown, arg = ''): string {
  return `(() => { const __name = (target) => target; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
}
