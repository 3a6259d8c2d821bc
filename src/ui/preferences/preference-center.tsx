import { useSignal, type Signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { ConsentState, ConsentType, Decision, NoticeTexts } from '../../core/types.ts';
import { allStates, statesFromChoices, type Choices } from '../../core/choice.ts';
import { signalHonoured } from '../../core/decision.ts';
import type { UsPrivacyTexts } from '../i18n/built-in-locales.ts';
import { safeLinkHref } from '../../core/link.ts';
import { TypeSwitch } from '../components/type-switch.tsx';
import { categoryKey, type PreferenceTexts } from './preference-texts.ts';

export interface PreferenceCenterProps {
  /** The types shown, in config order. */
  types: ConsentType[];
  /** The visitor's valid decisions by label; updated on every change. */
  decisions: Signal<Record<string, Decision>>;
  /** The switches as the decisions set them. */
  initial: Signal<Choices>;
  texts: NoticeTexts;
  preferenceTexts: PreferenceTexts;
  languages: readonly string[];
  /** Prefix of element ids, unique per rendered center. */
  idPrefix: string;
  onChoose(states: Record<string, ConsentState>): void;
  /**
   * Opens the receipt of the visitor's latest decision; offered once there is one. Absent on the
   * hosted consent-link page, whose person is no visitor of this browser.
   */
  onReceipt?: () => void;
  /** Present in the dialog: the close button. */
  onClose?: () => void;
  /** The US state laws' texts (issue 21). */
  usPrivacy: UsPrivacyTexts;
  /** California's notice at collection shows under the intro. */
  noticeAtCollection?: boolean;
  /** Opened from an opt-out link: focus the first of these labels (what GPC declines here). */
  focusLabels?: readonly string[] | undefined;
  /** The "Your data rights" link's text. */
  rightsLink?: string;
  /** Opens the privacy request form (`<assent-request>`) in `slot`. */
  onRights?: (slot: HTMLElement) => void;
}

const CATEGORY_ORDER = ['privacy_setting', 'communication', 'custom', 'disclosure'] as const;

function DecisionLine(props: {
  decision: Decision | undefined;
  texts: PreferenceTexts;
  languages: readonly string[];
}) {
  const { decision, texts } = props;
  if (!decision) return <p class="type-state">{texts.states.none}</p>;
  let format: (iso: string) => string;
  try {
    const formatter = new Intl.DateTimeFormat(props.languages as string[], { dateStyle: 'medium' });
    format = (iso) => formatter.format(new Date(iso));
  } catch {
    format = (iso) => iso.slice(0, 10);
  }
  return (
    <p class="type-state">
      <strong>{texts.states[decision.state]}</strong> {texts.given}{' '}
      <time dateTime={decision.consentDate}>{format(decision.consentDate)}</time> · {texts.expires}{' '}
      <time dateTime={decision.expirationDate}>{format(decision.expirationDate)}</time>
    </p>
  );
}

/** Every shown consent type grouped by category, with its state, and the three choices. */
export function PreferenceCenter(props: PreferenceCenterProps) {
  const { types, texts, preferenceTexts: pt, idPrefix, onChoose } = props;
  const on = useSignal(props.initial.value);
  const root = useRef<HTMLDivElement>(null);
  // The "Do Not Sell or Share" link lands on the first sale or sharing choice.
  useEffect(() => {
    const label = types.find((type) => props.focusLabels?.includes(type.label))?.label;
    const input = label && root.current?.querySelector<HTMLElement>(`#${idPrefix}-${label}`);
    if (input) {
      input.scrollIntoView({ block: 'center' });
      input.focus();
    }
  }, []);
  // Where Global Privacy Control decided, the center says so (CCPA regulations §7025(c)(6)).
  const honoured = signalHonoured(props.decisions.value)
    .map((label) => types.find((type) => type.label === label)?.name)
    .filter(Boolean);
  const rights = useSignal(false);
  const slot = useRef<HTMLDivElement>(null);
  // A decision made elsewhere (the notice, the window API, another tab's identify) resets the
  // switches. Only a value other than the one `on` started from does: `subscribe` calls at once
  // with the current one, and this effect runs a frame after the render, by when a keyboard may
  // have flipped a switch already (and a decision may have come in, which still resets).
  const seeded = useRef(props.initial.peek());
  useEffect(() => {
    let last = seeded.current;
    return props.initial.subscribe((value) => {
      if (value !== last) on.value = value;
      last = value;
    });
  }, [props.initial]);
  const groups = CATEGORY_ORDER.map((key) => ({
    key,
    types: types.filter((type) => categoryKey(type.category) === key),
  })).filter((group) => group.types.length);
  return (
    <div class="center" ref={root}>
      <div class="center-head">
        <h2 id={`${idPrefix}-title`} class="title" part="title">
          {pt.title}
        </h2>
        {props.onClose ? (
          <button
            type="button"
            class="close"
            part="close"
            aria-label={pt.close}
            onClick={props.onClose}
          >
            ×
          </button>
        ) : null}
      </div>
      <p class="description">{pt.intro}</p>
      {props.noticeAtCollection ? (
        <p class="description notice-at-collection">{props.usPrivacy.noticeAtCollection}</p>
      ) : null}
      {honoured.length ? (
        <p class="signal-honoured" part="signal-honoured" role="status">
          <span aria-hidden="true">✓ </span>
          <strong>{props.usPrivacy.signalHonoured}</strong>: {honoured.join(', ')}
        </p>
      ) : null}
      {groups.map((group) => (
        <section class="group" key={group.key} aria-labelledby={`${idPrefix}-${group.key}`}>
          <h3 id={`${idPrefix}-${group.key}`} class="group-title">
            {pt.categories[group.key]}
          </h3>
          <ul class="types">
            {group.types.map((type) => {
              const href = safeLinkHref(type.url);
              return (
                <TypeSwitch key={type.label} type={type} on={on} texts={texts} idPrefix={idPrefix}>
                  <DecisionLine
                    decision={props.decisions.value[type.label]}
                    texts={pt}
                    languages={props.languages}
                  />
                  {href ? (
                    <a class="more" href={href} target="_blank" rel="noopener">
                      {pt.readMore}
                      <span class="visually-hidden">: {type.name}</span>
                    </a>
                  ) : null}
                  {type.document ? (
                    <details class="document">
                      <summary>{pt.fullText}</summary>
                      <p>{type.document}</p>
                    </details>
                  ) : null}
                </TypeSwitch>
              );
            })}
          </ul>
        </section>
      ))}
      <div class="actions">
        <button
          type="button"
          class="button"
          part="button"
          onClick={() => onChoose(allStates(types, false))}
        >
          {texts.rejectAll}
        </button>
        <button
          type="button"
          class="button"
          part="button"
          onClick={() => onChoose(allStates(types, true))}
        >
          {texts.acceptAll}
        </button>
        <button
          type="button"
          class="button secondary"
          part="button button-secondary"
          onClick={() => onChoose(statesFromChoices(types, on.value))}
        >
          {texts.save}
        </button>
      </div>
      {props.onReceipt && Object.keys(props.decisions.value).length ? (
        <button type="button" class="receipt" part="receipt" onClick={props.onReceipt}>
          {pt.receipt}
        </button>
      ) : null}
      {props.onRights && props.rightsLink ? (
        <>
          <button
            type="button"
            class="more rights"
            aria-expanded={rights.value ? 'true' : 'false'}
            aria-controls={`${idPrefix}-rights`}
            onClick={() => {
              rights.value = true;
              props.onRights?.(slot.current!);
            }}
          >
            {props.rightsLink}
          </button>
          <div id={`${idPrefix}-rights`} ref={slot} />
        </>
      ) : null}
    </div>
  );
}
