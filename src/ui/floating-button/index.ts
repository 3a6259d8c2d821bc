/**
 * The floating button: once the visitor has decided, a small round button in a bottom corner
 * reopens the preference center (`floatingButton` in the config, `data-floating-button` on the
 * script tag; off by default). Plain DOM, no UI framework: the loader imports this bundle by URL
 * only when the option is on and a decision exists, so it costs nothing otherwise.
 */
import { signalHonoured } from '../../core/decision.ts';
import type { FloatingButtonBundle } from '../../runtime/bundles.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { adoptStyles, createHost } from '../components/shadow-host.ts';
import { loadStrings } from '../i18n/ui-strings.ts';
import themeCss from '../components/theme.css?inline';
import css from './floating-button.css?inline';
import { covers, isButtonShown, positionOf } from './placement.ts';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * A shield with a check mark, "your privacy choices" without words to translate. Made with DOM
 * calls rather than `innerHTML`, which a page enforcing Trusted Types would refuse.
 */
function icon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  for (const d of ['M12 3l7 3v5c0 4.6-3 8.4-7 10-4-1.6-7-5.4-7-10V6z', 'M9 12l2 2 4-4']) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

let shown: Promise<void> | undefined;

/**
 * Puts the button on the page, once (later calls do nothing). `open` opens the preference center;
 * when it closes, focus comes back to the button, which shows again just before.
 */
export const showFloatingButton: FloatingButtonBundle['showFloatingButton'] = (runtime, open) => {
  return (shown ??= mount(runtime, open));
};

async function mount(runtime: Runtime, open: () => void): Promise<void> {
  const config = runtime.config;
  if (!config?.floatingButton) return;
  const strings = await loadStrings(config, runtime.languages);
  const { host, shadow } = createHost('assent-floating-button', config, strings);
  host.setAttribute('data-position', positionOf(config.floatingButton));
  adoptStyles(shadow, themeCss + css, config.theme?.accent);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button';
  button.setAttribute('part', 'floating-button');
  button.setAttribute('aria-label', strings.floatingButton);
  button.title = strings.floatingButton;
  button.append(icon());
  button.addEventListener('click', open);
  // Where Global Privacy Control declined something, the button says so (issue 21): a visible
  // label beside it, and in its name.
  const honoured = document.createElement('span');
  honoured.className = 'honoured';
  honoured.setAttribute('part', 'signal-honoured');
  honoured.textContent = strings.usPrivacy.signalHonoured;
  shadow.append(button, honoured);

  let decided = true;
  const update = () => {
    host.hidden = !isButtonShown(decided, document);
    const shown = signalHonoured(runtime.decisions).length > 0;
    honoured.hidden = !shown;
    const name = shown
      ? `${strings.floatingButton} (${strings.usPrivacy.signalHonoured})`
      : strings.floatingButton;
    button.setAttribute('aria-label', name);
    button.title = name;
  };
  for (const name of [
    'notice:show',
    'notice:hide',
    'preferences:show',
    'preferences:hide',
  ] as const)
    runtime.emitter.on(name, update);
  // `reset()` forgets every decision: the button goes until the next one.
  runtime.emitter.on('change', ({ states }) => {
    decided = Object.keys(states).length > 0;
    update();
  });
  // A page element under the button gets focus: the button moves to the other corner.
  document.addEventListener('focusin', (event) => {
    const target = event.target;
    if (!(target instanceof Element) || target === host || host.hidden) return;
    if (covers(button.getBoundingClientRect(), target.getBoundingClientRect()))
      host.toggleAttribute('data-away');
  });
  update();
  // Last in the page: after the page's own skip links and content in the tab order.
  document.body.append(host);
}
