import { noticeLabels, pendingDisclosures } from '../../core/choice.ts';
import type { ChoiceOrigin, NoticeBundle, NoticeRuntime } from '../../runtime/bundles.ts';
import { adoptStyles, createHost } from '../components/shadow-host.ts';
import type { NoticeStrings } from '../i18n/notice-strings.ts';
import { loadStrings } from '../i18n/ui-strings.ts';
import themeCss from '../components/theme.css?inline';
import actionsCss from '../components/actions.css?inline';
import { renderNotice } from './notice.ts';
import css from './notice.css?inline';

interface Mounted {
  host: HTMLElement;
  returnFocus: Element | null;
  unsubscribe: () => void;
}

let mounted: Mounted | undefined;
/** Set while the notice's language loads, so a second call does not show a second notice. */
let showing = false;

function close(runtime: NoticeRuntime) {
  if (!mounted) return;
  const { host, unsubscribe, returnFocus } = mounted;
  mounted = undefined;
  unsubscribe();
  const hadFocus = host.shadowRoot?.activeElement;
  host.remove();
  // Keyboard users keep their place: focus returns to what opened the notice.
  if (hadFocus && returnFocus instanceof HTMLElement && returnFocus.isConnected)
    returnFocus.focus();
  runtime.emitter.emit('notice:hide', {});
}

/**
 * While a page element the notice covers has focus (a skip link under a top bar), the notice
 * moves to the other edge: it never hides what a keyboard user is on.
 */
function keepFocusVisible(host: HTMLElement): () => void {
  const onFocus = (event: FocusEvent) => {
    const target = event.target;
    const box = host.shadowRoot?.firstElementChild?.getBoundingClientRect();
    if (!(target instanceof Element) || target === host || !box) return;
    const rect = target.getBoundingClientRect();
    const covered =
      rect.bottom > box.top &&
      rect.top < box.bottom &&
      rect.right > box.left &&
      rect.left < box.right;
    if (covered) host.toggleAttribute('data-away');
  };
  document.addEventListener('focusin', onFocus);
  return () => document.removeEventListener('focusin', onFocus);
}

/**
 * Shows the notice (once: a second call while it is open does nothing) and records it as viewed.
 * Disclosures without a valid acknowledgement are shown with it and accepted by any choice in it.
 * Resolves once it is on the page, in the visitor's language (whose strings it loads first).
 */
export const showNotice: NoticeBundle['showNotice'] = async (runtime, options) => {
  const config = runtime.config;
  if (!config || mounted?.host.isConnected || showing) return;
  showing = true;
  // A notice module carries only these of its language's strings (../i18n/notice-strings.ts).
  let strings: NoticeStrings;
  try {
    strings = await loadStrings(config, runtime.languages);
  } finally {
    showing = false;
  }
  const labels = options.labels ?? noticeLabels(config.consentTypes, runtime.preview);
  const disclosures = pendingDisclosures({
    types: config.consentTypes,
    decisions: runtime.decisions,
    preview: runtime.preview,
    now: runtime.now(),
  });
  const blocking = config.layout === 'modal' && config.blocking === true;
  // What this notice shows, as its proof keeps it (issue 17): the texts rendered, the types
  // asked about and the disclosures linked, the buttons offered.
  const shownTypes = [...labels, ...disclosures]
    .map((label) => config.consentTypes.find((type) => type.label === label))
    .filter((type) => type !== undefined);
  const { title, description, rejectAll, acceptAll, customize, privacyPolicy } = strings.notice;
  // Identified, the choice reaches the person's other devices, and the notice says so.
  const allDevices = runtime.identity ? strings.allDevices : '';
  const policyShown = !shownTypes.some((type) => type.category === 'disclosure' && type.url);
  const origin: ChoiceOrigin = {
    surface: 'notice',
    shown: {
      language: strings.language,
      texts: {
        title,
        description,
        rejectAll,
        acceptAll,
        customize,
        ...(policyShown && config.privacyPolicyUrl && { privacyPolicy }),
        ...(allDevices && { allDevices }),
      },
      types: shownTypes,
      buttons: ['rejectAll', 'acceptAll', 'customize'],
    },
  };
  const { host, shadow } = createHost('assent-notice', config, strings);
  host.setAttribute('data-layout', config.layout ?? 'bar-bottom');
  adoptStyles(shadow, themeCss + actionsCss + css, config.theme?.accent);
  const returnFocus = document.activeElement;
  const stopFocusWatch = blocking ? () => {} : keepFocusVisible(host);
  // A decision made anywhere (this notice, the window API, another bundle) closes the notice.
  const stopChanges = runtime.emitter.on('change', () => close(runtime));
  const unsubscribe = () => {
    stopChanges();
    stopFocusWatch();
  };
  mounted = { host, returnFocus, unsubscribe };
  shadow.append(
    renderNotice({
      config,
      texts: strings.notice,
      usPrivacy: strings.usPrivacy,
      labels,
      disclosures,
      allDevices,
      // The manager adds the disclosures shown here to whatever the visitor chose.
      onChoose: (states) =>
        void options.manager().then(
          (manager) => manager.choose(states, 'user_click', origin),
          () => {},
        ),
      onCustomize: options.onCustomize,
      blocking,
    }),
  );
  // First in the tab order, so a keyboard user meets it before the page.
  document.body.prepend(host);
  if (blocking) {
    const dialog = shadow.querySelector('dialog')!;
    // Blocking means until a choice: Escape does not dismiss it (Chrome lets a second Escape
    // close a dialog whose `cancel` was prevented, hence the reopening on `close`).
    dialog.addEventListener('cancel', (event) => event.preventDefault());
    dialog.addEventListener('close', () => {
      if (mounted?.host === host) dialog.showModal();
    });
    // `showModal` moves focus in, keeps it there and makes the page inert: `aria-modal` is true.
    dialog.showModal();
  }
  runtime.emitter.emit('notice:show', { labels });
  void options.manager().then(
    (manager) => manager.recordViewed([...labels, ...disclosures], origin),
    () => {},
  );
};
