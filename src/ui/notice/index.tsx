import { render } from 'preact';
import {
  managerFor,
  noticeLabels,
  pendingDisclosures,
  withDisclosures,
  type Runtime,
} from '../../manager/index.ts';
import { textsFor } from '../../core/site-config.ts';
import { adoptStyles } from '../components/shadow-host.ts';
import widgetCss from '../components/widget.css?inline';
import { Notice } from './notice.tsx';
import css from './notice.css?inline';

/** What the loader hands the notice besides the runtime. */
export interface NoticeOptions {
  /** Opens the preference center (its own bundle, which the loader imports on demand). */
  onCustomize(): void;
  /**
   * The purposes to ask about; a return visit asks only about those without a valid decision.
   * @default every purpose the notice shows
   */
  labels?: string[];
}

interface Mounted {
  host: HTMLElement;
  returnFocus: Element | null;
  unsubscribe: () => void;
}

let mounted: Mounted | undefined;

function close(runtime: Runtime) {
  if (!mounted) return;
  const { host, unsubscribe, returnFocus } = mounted;
  mounted = undefined;
  unsubscribe();
  const hadFocus = host.shadowRoot?.activeElement;
  render(null, host.shadowRoot!);
  host.remove();
  // Keyboard users keep their place: focus returns to what opened the notice.
  if (hadFocus && returnFocus instanceof HTMLElement && returnFocus.isConnected)
    returnFocus.focus();
  runtime.emitter.emit('notice:hide', {});
}

/**
 * Shows the notice (once: a second call while it is open does nothing) and records it as viewed.
 * Disclosures without a valid acknowledgement are shown with it and accepted by any choice in it.
 */
export function showNotice(runtime: Runtime, options: NoticeOptions): void {
  const config = runtime.config;
  if (!config || mounted?.host.isConnected) return;
  const manager = managerFor(runtime);
  const labels = options.labels ?? noticeLabels(runtime);
  const disclosures = pendingDisclosures(runtime);
  const host = document.createElement('div');
  host.id = 'assent-notice';
  // Search engines must not index the notice as the page's text.
  host.setAttribute('data-nosnippet', '');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow, widgetCss + css, config.theme?.accent);
  const returnFocus = document.activeElement;
  // A decision made anywhere (this notice, the window API, another bundle) closes the notice.
  const unsubscribe = runtime.emitter.on('change', () => close(runtime));
  mounted = { host, returnFocus, unsubscribe };
  render(
    <Notice
      config={config}
      texts={textsFor(config, runtime.languages)}
      labels={labels}
      disclosures={disclosures}
      onChoose={(states) => void manager.choose(withDisclosures(runtime, states))}
      onCustomize={options.onCustomize}
    />,
    shadow,
  );
  // First in the tab order, so a keyboard user meets it before the page.
  document.body.prepend(host);
  runtime.emitter.emit('notice:show', { labels });
  void manager.recordViewed([...labels, ...disclosures]);
}
