import type { ConsentState, ConsentType, NoticeTexts, SiteConfig } from '../../core/types.ts';
import { allStates } from '../../core/choice.ts';
import { safeLinkHref } from '../../core/link.ts';
import { el } from '../components/dom.ts';
import type { UsPrivacyTexts } from '../i18n/built-in-locales.ts';

export interface NoticeProps {
  config: SiteConfig;
  texts: NoticeTexts;
  /** The US state laws' texts: the notice at collection, the opt-out link. */
  usPrivacy?: UsPrivacyTexts;
  /** Labels of the types shown, in order. */
  labels: string[];
  /** Labels of disclosures shown with the notice (their links). */
  disclosures: string[];
  /** The sentence that the choice applies to all the person's devices; empty unless identified. */
  allDevices?: string;
  onChoose(states: Record<string, ConsentState>): void;
  /** Opens the preference center, where each type is chosen on its own (`'opt-out'`: at sale and sharing). */
  onCustomize(at?: 'opt-out'): void;
  /**
   * A modal `<dialog>` (the caller opens it with `showModal()`, which traps focus) instead of a
   * labelled region.
   * @default false
   */
  blocking?: boolean;
}

/** The first layer: what the site asks and why, with equal "Accept all" and "Reject all". */
export function renderNotice(props: NoticeProps): HTMLElement {
  const { config, texts, labels, disclosures, onChoose } = props;
  // One lookup per label: a `find` per label was quadratic, 1-2 s for 10,000 types (issue 22 §5).
  const byLabel = new Map(config.consentTypes.map((type) => [type.label, type]));
  const types = labels
    .map((label) => byLabel.get(label))
    .filter((type): type is ConsentType => !!type);
  const shown = new Set(disclosures);
  const links = config.consentTypes.filter((type) => shown.has(type.label) && type.url);
  // Only web links (core/link.ts, issue 22 §3): anything else is its text, never an `href`.
  const link = (url: string | undefined, text: string) => {
    const href = safeLinkHref(url);
    return href ? el('a', { href, class: 'policy', part: 'link' }, text) : el('span', {}, text);
  };
  // The handler is called with the click event: typed so, a handler with a parameter of its own
  // does not fit.
  const button = (text: string, onclick: (event: Event) => void, secondary = false) =>
    el(
      'button',
      {
        type: 'button',
        class: secondary ? 'button secondary' : 'button',
        part: secondary ? 'button button-secondary' : 'button',
        'aria-haspopup': secondary ? 'dialog' : undefined,
        onclick,
      },
      text,
    );
  return el(
    props.blocking ? 'dialog' : 'section',
    {
      class: 'notice',
      part: 'notice',
      role: props.blocking ? undefined : 'region',
      'aria-labelledby': 'assent-title',
      'aria-describedby': 'assent-description',
    },
    el('h2', { id: 'assent-title', class: 'title', part: 'title' }, texts.title),
    el(
      'p',
      { id: 'assent-description', class: 'description', part: 'description' },
      `${texts.description} ${props.allDevices ? `${props.allDevices} ` : ''}`,
      links.length
        ? links.map((type) => link(type.url, type.name))
        : config.privacyPolicyUrl && link(config.privacyPolicyUrl, texts.privacyPolicy),
    ),
    usNotice(config, props),
    el(
      'div',
      { class: 'actions', part: 'actions' },
      button(texts.rejectAll, () => onChoose(allStates(types, false))),
      button(texts.acceptAll, () => onChoose(allStates(types, true))),
      // Not the handler itself: the click event would arrive as `at`, opening the center at the
      // opt-out choices (focus on the first, scrolled to it) as the "Do Not Sell" link does.
      button(texts.customize, () => props.onCustomize(), true),
    ),
  );
}

/**
 * A US state visitor's notice: California's notice at collection, and the opt-out link the state
 * laws require ("Do Not Sell or Share My Personal Information" in California), which opens the
 * preference center at those choices.
 */
function usNotice(config: SiteConfig, props: NoticeProps) {
  const texts = props.usPrivacy;
  const notice = config.usState?.notice;
  if (!texts || !notice) return undefined;
  return el(
    'p',
    { class: 'us-notice', part: 'us-notice' },
    notice.atCollection ? `${texts.noticeAtCollection} ` : '',
    el(
      'a',
      {
        href: '#',
        class: 'policy',
        part: 'link opt-out-link',
        'data-assent-opt-out': '',
        onclick: (event: Event) => {
          event.preventDefault();
          props.onCustomize('opt-out');
        },
      },
      notice.optOutLink === 'do-not-sell-or-share' ? texts.doNotSellOrShare : texts.optOut,
    ),
  );
}
