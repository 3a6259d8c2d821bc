import type { ConsentState, ConsentType, NoticeTexts, SiteConfig } from '../../core/types.ts';
import { allStates } from '../components/choices.ts';

export interface NoticeProps {
  config: SiteConfig;
  texts: NoticeTexts;
  /** Labels of the types shown, in order. */
  labels: string[];
  /** Labels of disclosures shown with the notice (their links). */
  disclosures: string[];
  onChoose(states: Record<string, ConsentState>): void;
  /** Opens the preference center, where each type is chosen on its own. */
  onCustomize(): void;
  /**
   * A modal `<dialog>` (the caller opens it with `showModal()`, which traps focus) instead of a
   * labelled region.
   * @default false
   */
  blocking?: boolean;
}

/** The first layer: what the site asks and why, with equal "Accept all" and "Reject all". */
export function Notice(props: NoticeProps) {
  const { config, texts, labels, disclosures, onChoose } = props;
  const types = labels
    .map((label) => config.consentTypes.find((type) => type.label === label))
    .filter((type): type is ConsentType => !!type);
  const links = config.consentTypes.filter(
    (type) => disclosures.includes(type.label) && type.url !== undefined,
  );
  const body = (
    <>
      <h2 id="assent-title" class="title" part="title">
        {texts.title}
      </h2>
      <p id="assent-description" class="description" part="description">
        {texts.description}{' '}
        {links.length ? (
          links.map((type) => (
            <a key={type.label} href={type.url} class="policy" part="link">
              {type.name}
            </a>
          ))
        ) : config.privacyPolicyUrl ? (
          <a href={config.privacyPolicyUrl} class="policy" part="link">
            {texts.privacyPolicy}
          </a>
        ) : null}
      </p>
      <div class="actions" part="actions">
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
          aria-haspopup="dialog"
          onClick={props.onCustomize}
        >
          {texts.customize}
        </button>
      </div>
    </>
  );
  return props.blocking ? (
    <dialog
      class="notice"
      part="notice"
      aria-labelledby="assent-title"
      aria-describedby="assent-description"
    >
      {body}
    </dialog>
  ) : (
    <section
      class="notice"
      part="notice"
      role="region"
      aria-labelledby="assent-title"
      aria-describedby="assent-description"
    >
      {body}
    </section>
  );
}
