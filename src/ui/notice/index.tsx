import { signal } from '@preact/signals';
import { render } from 'preact';
import { managerFor, noticeLabels, type Runtime } from '../../manager/index.ts';
import { planConsent } from '../../core/consent-plan.ts';
import { validDecisions } from '../../core/decision.ts';
import { textsFor } from '../../core/site-config.ts';
import { adoptStyles } from '../components/shadow-host.ts';
import { Notice, type NoticeView } from './notice.tsx';
import css from './notice.css?inline';

export type { NoticeView } from './notice.tsx';

interface Mounted {
  host: HTMLElement;
  view: ReturnType<typeof signal<NoticeView>>;
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
 * Shows the notice (once: a second call only switches its view) and records it as viewed.
 * `labels` narrows it to the purposes that need a decision; disclosures without a valid
 * acknowledgement are shown with it and accepted by any choice made in it.
 */
export function showNotice(
  runtime: Runtime,
  initialView: NoticeView = 'summary',
  labels: string[] = noticeLabels(runtime),
): void {
  const config = runtime.config;
  if (!config) return;
  if (mounted?.host.isConnected) {
    mounted.view.value = initialView;
    return;
  }
  const manager = managerFor(runtime);
  const now = runtime.now();
  const disclosures = planConsent({
    types: config.consentTypes,
    decisions: runtime.decisions,
    policy: config.policy,
    gpc: false,
    preview: runtime.preview,
    now,
  }).disclose;
  const host = document.createElement('div');
  host.id = 'assent-notice';
  // Search engines must not index the notice as the page's text.
  host.setAttribute('data-nosnippet', '');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow, css, config.theme?.accent);
  const view = signal<NoticeView>(initialView);
  const returnFocus = document.activeElement;
  // A decision made anywhere (this notice, the window API, another bundle) closes the notice.
  const unsubscribe = runtime.emitter.on('change', () => close(runtime));
  mounted = { host, view, returnFocus, unsubscribe };
  render(
    <Notice
      config={config}
      texts={textsFor(config, runtime.languages)}
      initial={Object.fromEntries(
        Object.entries(
          validDecisions(runtime.decisions, config.consentTypes, now, runtime.preview),
        ).map(([label, decision]) => [label, decision.state === 'accepted']),
      )}
      labels={labels}
      disclosures={disclosures}
      view={view}
      onChoose={(states) =>
        void manager.choose({
          ...states,
          ...Object.fromEntries(disclosures.map((label) => [label, 'accepted' as const])),
        })
      }
    />,
    shadow,
  );
  // First in the tab order, so a keyboard user meets it before the page.
  document.body.prepend(host);
  runtime.emitter.emit('notice:show', { labels });
  void manager.recordViewed([...labels, ...disclosures]);
}
