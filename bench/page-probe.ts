/**
 * What the benchmark installs in every page before its own scripts run (`addInitScript`): it
 * watches for the widget's notice, long tasks, layout shifts and the first click. Serialized into
 * the page: it must not close over anything.
 */
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
