/**
 * The preference center: its own bundle, imported by URL only when a visitor opens it (from the
 * notice, a `data-assent-open="preferences"` element, `assent.showPreferences()`) or a page holds
 * `<assent-preferences>`. It wraps the notice's shared pieces (manager, choices, switches, styles)
 * and adds only its views.
 */
import { computed, signal } from '@preact/signals';
import { render } from 'preact';
import { initialChoices, preferenceLabels } from '../../core/choice.ts';
import type { ChoiceOrigin } from '../../runtime/bundles.ts';
import { managerFor } from '../../manager/index.ts';
import type { PreferencesBundle } from '../../runtime/bundles.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { adoptStyles, applyLanguage, createHost } from '../components/shadow-host.ts';
import { loadStrings, type ResolvedStrings } from '../i18n/ui-strings.ts';
import themeCss from '../components/theme.css?inline';
import actionsCss from '../components/actions.css?inline';
import widgetCss from '../components/widget.css?inline';
import { PreferenceCenter } from './preference-center.tsx';
import { openLatestReceipt } from '../../manager/receipt.ts';
import css from './preferences.css?inline';

/** The open dialog's host, and what closes it (unmounts the center, gives focus back). */
let opened: { host: HTMLElement; dialog: HTMLDialogElement; close: () => void } | undefined;
let renderedCount = 0;
/** Inline centers by shadow root: rendering into one again replaces the earlier render. */
const inlineMounts = new WeakMap<ShadowRoot, () => void>();

/** The focused element, inside shadow roots too (the notice's "Choose" button lives in one). */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Renders the center into `root`; returns a function that unmounts it. */
function mount(
  runtime: Runtime,
  root: ShadowRoot,
  strings: ResolvedStrings,
  onDone?: () => void,
  at?: 'opt-out',
): () => void {
  const config = runtime.config!;
  const manager = managerFor(runtime);
  const revision = signal(0);
  const decisions = computed(() => (revision.value, runtime.valid()));
  const initial = computed(() => (revision.value, initialChoices(runtime.valid())));
  const unsubscribe = runtime.emitter.on('change', () => revision.value++);
  const types = preferenceLabels(config.consentTypes, runtime.preview, !!runtime.identity)
    .map((label) => config.consentTypes.find((type) => type.label === label)!)
    .filter(Boolean);
  const idPrefix = `assent-preferences-${++renderedCount}`;
  // What the center shows, as an event's proof keeps it (issue 17).
  const { rejectAll, acceptAll, save } = strings.notice;
  const origin: ChoiceOrigin = {
    surface: 'preferences',
    shown: {
      language: strings.language,
      texts: {
        title: strings.preferences.title,
        intro: strings.preferences.intro,
        rejectAll,
        acceptAll,
        save,
      },
      types,
      buttons: ['rejectAll', 'acceptAll', 'save'],
    },
  };
  adoptStyles(root, themeCss + widgetCss + actionsCss + css, config.theme?.accent);
  const center = (
    <PreferenceCenter
      types={types}
      decisions={decisions}
      initial={initial}
      texts={strings.notice}
      preferenceTexts={strings.preferences}
      languages={[strings.language]}
      idPrefix={idPrefix}
      usPrivacy={strings.usPrivacy}
      noticeAtCollection={!!config.usState?.notice.atCollection}
      focusLabels={at ? config.gpcDeclines : undefined}
      onChoose={(states) => {
        // The manager adds the pending disclosures to whatever the visitor chose.
        void manager.choose(states, 'user_click', origin);
        onDone?.();
      }}
      onReceipt={() => void openLatestReceipt(runtime, manager)}
      {...(onDone ? { onClose: onDone } : {})}
      rightsLink={strings.request.link}
      onRights={(slot) =>
        // The form is a bundle of its own (`request.js`), downloaded only when asked for.
        void import('../request/index.ts').then(({ defineRequest }) => {
          defineRequest(runtime, Promise.resolve());
          if (!slot.firstChild) slot.append(document.createElement('assent-request'));
        })
      }
    />
  );
  if (onDone) {
    render(
      <dialog class="dialog" part="dialog" aria-labelledby={`${idPrefix}-title`}>
        {center}
      </dialog>,
      root,
    );
  } else {
    render(center, root);
  }
  return () => {
    unsubscribe();
    render(null, root);
  };
}

/** Opens the dialog unless it is open already; `false` when it was. */
function openDialog(runtime: Runtime, strings: ResolvedStrings, at?: 'opt-out'): boolean {
  if (opened?.host.isConnected) {
    if (opened.dialog.open) return false;
    // Closed (Escape, the close button), but its `close` event is a task away: a "Choose" pressed
    // in between would find the old center still there and open none. Finish that close now.
    opened.close();
  }
  const { host, shadow: root } = createHost('assent-preferences', runtime.config!, strings);
  const returnFocus = deepActiveElement();
  let unmount = () => {};
  const close = () => {
    if (!host.isConnected) return;
    unmount();
    host.remove();
    // Before focus moves back: what opened the center (the floating button) may show again.
    runtime.emitter.emit('preferences:hide', {});
    // Keyboard users keep their place: back to what opened the center (the notice's button).
    const target =
      returnFocus instanceof HTMLElement && returnFocus.isConnected ? returnFocus : null;
    target?.focus();
  };
  unmount = mount(runtime, root, strings, () => root.querySelector('dialog')?.close(), at);
  document.body.append(host);
  const dialog = root.querySelector('dialog')!;
  opened = { host, dialog, close };
  // Escape and the close button both end in `close`: one place cleans up.
  dialog.addEventListener('close', close);
  // A modal dialog: focus stays inside, the page behind is inert, Escape closes it.
  dialog.showModal();
  return true;
}

/**
 * Opens the preference center as a modal dialog, or renders it inline into `container` (its shadow
 * root, made if it has none). Emits `preferences:show`.
 */
export const showPreferences: PreferencesBundle['showPreferences'] = async (
  runtime,
  container,
  at,
) => {
  const config = runtime.config;
  if (!config) return;
  const strings = await loadStrings(config, runtime.languages);
  if (!container) {
    if (!openDialog(runtime, strings, at)) return;
  } else {
    const root = container.shadowRoot ?? container.attachShadow({ mode: 'open' });
    applyLanguage(container, config, strings);
    inlineMounts.get(root)?.();
    const unmountCenter = mount(runtime, root, strings, undefined, at);
    // An inline center removed from the page stops listening at the next change.
    const stop = runtime.emitter.on('change', () => {
      if (!container.isConnected) unmount();
    });
    const unmount = () => {
      stop();
      unmountCenter();
      inlineMounts.delete(root);
    };
    inlineMounts.set(root, unmount);
  }
  runtime.emitter.emit('preferences:show', {});
};

/**
 * The hosted consent-link page's center (issue 16): the same component, styles and strings, for
 * a person the server knows. The page hands the choice to its server, which records it.
 */
export const showLinkPreferences: PreferencesBundle['showLinkPreferences'] = async (
  container,
  options,
) => {
  const strings = await loadStrings(options, [options.language]);
  const root = container.shadowRoot ?? container.attachShadow({ mode: 'open' });
  container.setAttribute('lang', strings.language);
  container.setAttribute('dir', strings.dir);
  adoptStyles(root, themeCss + widgetCss + actionsCss + css, options.accent);
  const decisions = signal(options.decisions);
  const initial = signal(initialChoices(options.decisions));
  render(
    <PreferenceCenter
      types={options.types}
      decisions={decisions}
      initial={initial}
      texts={strings.notice}
      preferenceTexts={strings.preferences}
      languages={[strings.language]}
      idPrefix={`assent-preferences-${++renderedCount}`}
      usPrivacy={strings.usPrivacy}
      onChoose={(states) => options.onChoose(states)}
    />,
    root,
  );
};
