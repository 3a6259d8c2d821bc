import { useSignal, type Signal } from '@preact/signals';
import type { ConsentState, ConsentType, NoticeTexts, SiteConfig } from '../../core/types.ts';

export type NoticeView = 'summary' | 'choose';

export interface NoticeProps {
  config: SiteConfig;
  texts: NoticeTexts;
  /** Labels of the types shown, in order. */
  labels: string[];
  /** Labels of disclosures shown with the notice (their links). */
  disclosures: string[];
  /** Which types start switched on (a valid acceptance); nothing is pre-ticked otherwise. */
  initial: Record<string, boolean>;
  view: Signal<NoticeView>;
  onChoose(states: Record<string, ConsentState>): void;
}

function TypeChoice(props: {
  type: ConsentType;
  on: Signal<Record<string, boolean>>;
  texts: NoticeTexts;
}) {
  const { type, on, texts } = props;
  const id = `assent-type-${type.label}`;
  const locked = type.required || type.readOnly;
  return (
    <li class="type">
      <div class="type-head">
        <label for={id} class="type-name">
          {type.name}
        </label>
        {type.required ? <span class="always-on">{texts.alwaysOn}</span> : null}
        <input
          id={id}
          type="checkbox"
          role="switch"
          class="switch"
          checked={type.required || !!on.value[type.label]}
          disabled={locked}
          aria-describedby={`${id}-description`}
          onChange={(event) =>
            (on.value = { ...on.value, [type.label]: event.currentTarget.checked })
          }
        />
      </div>
      <p id={`${id}-description`} class="type-description">
        {type.description}
      </p>
    </li>
  );
}

export function Notice(props: NoticeProps) {
  const { config, texts, labels, disclosures, view, onChoose } = props;
  const links = config.consentTypes.filter(
    (type) => disclosures.includes(type.label) && type.url !== undefined,
  );
  const on = useSignal(props.initial);
  const types = labels
    .map((label) => config.consentTypes.find((type) => type.label === label))
    .filter((type): type is ConsentType => !!type);
  const all = (accept: boolean) =>
    onChoose(
      Object.fromEntries(
        types.map((type) => [type.label, accept || type.required ? 'accepted' : 'declined']),
      ),
    );
  const save = () =>
    onChoose(
      Object.fromEntries(
        types.map((type) => [
          type.label,
          type.required || on.value[type.label] ? 'accepted' : 'declined',
        ]),
      ),
    );
  const choosing = view.value === 'choose';
  return (
    <section class="notice" role="region" aria-labelledby="assent-title">
      <h2 id="assent-title" class="title">
        {texts.title}
      </h2>
      <p class="description">
        {texts.description}{' '}
        {links.length ? (
          links.map((type) => (
            <a key={type.label} href={type.url} class="policy">
              {type.name}
            </a>
          ))
        ) : config.privacyPolicyUrl ? (
          <a href={config.privacyPolicyUrl} class="policy">
            {texts.privacyPolicy}
          </a>
        ) : null}
      </p>
      {choosing ? (
        <ul class="types">
          {types.map((type) => (
            <TypeChoice key={type.label} type={type} on={on} texts={texts} />
          ))}
        </ul>
      ) : null}
      <div class="actions">
        <button type="button" class="button" onClick={() => all(false)}>
          {texts.rejectAll}
        </button>
        <button type="button" class="button" onClick={() => all(true)}>
          {texts.acceptAll}
        </button>
        {choosing ? (
          <button type="button" class="button secondary" onClick={save}>
            {texts.save}
          </button>
        ) : (
          <button
            type="button"
            class="button secondary"
            aria-expanded="false"
            onClick={() => (view.value = 'choose')}
          >
            {texts.customize}
          </button>
        )}
      </div>
    </section>
  );
}
