import { useSignal, type Signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { ConsentState, ConsentType, Decision, NoticeTexts } from '../../core/types.ts';
import { allStates, statesFromChoices, type Choices } from '../../core/choice.ts';
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
  /** Present in the dialog: the close button. */
  onClose?: () => void;
  /** The "Your data rights" link's text. */
  rightsLink: string;
  /** Opens the privacy request form (`<assent-request>`) in `slot`. */
  onRights(slot: HTMLElement): void;
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
  const rights = useSignal(false);
  const slot = useRef<HTMLDivElement>(null);
  // A decision made elsewhere (the notice, the window API, another tab's identify) resets the switches.
  useEffect(() => props.initial.subscribe((value) => (on.value = value)), [props.initial]);
  const groups = CATEGORY_ORDER.map((key) => ({
    key,
    types: types.filter((type) => categoryKey(type.category) === key),
  })).filter((group) => group.types.length);
  return (
    <div class="center">
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
      <button
        type="button"
        class="more rights"
        aria-expanded={rights.value ? 'true' : 'false'}
        aria-controls={`${idPrefix}-rights`}
        onClick={() => {
          rights.value = true;
          props.onRights(slot.current!);
        }}
      >
        {props.rightsLink}
      </button>
      <div id={`${idPrefix}-rights`} ref={slot} />
    </div>
  );
}
