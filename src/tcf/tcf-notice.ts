/**
 * The TCF notice (plain DOM in a Shadow DOM, like the site's notice): the first layer the TCF
 * policies require (the purposes and special features by name, the number of vendors, a link to
 * them, equal "Accept all" and "Reject all"), and the preference center: purposes, special
 * purposes, features, special features, stacks, each vendor with its purposes, legitimate
 * interests (with the right to object), retention, data categories and privacy link, and
 * Google's ad technology providers, with accept all and reject all at every level.
 */
import { safeLinkHref } from '../core/link.ts';
import type { TcfSiteConfig } from '../core/types.ts';
import { el } from '../ui/components/dom.ts';
import type { ResolvedStrings } from '../ui/i18n/ui-strings.ts';
import {
  acceptAllChoices,
  legitimateInterestPurposes,
  legitimateInterestVendors,
  rejectAllChoices,
  vendorIds,
  type TcfChoices,
  type VendorListJson,
} from './tc-string.ts';
import { fill, type TcfStrings } from './tcf-strings.ts';

export type TcfOutcome = 'accept' | 'reject' | 'custom';

export interface TcfNoticeProps {
  config: TcfSiteConfig;
  list: VendorListJson;
  strings: ResolvedStrings;
  words: TcfStrings;
  /** What the preference center starts from: the stored choices, or none. */
  choices: TcfChoices;
  /** 1 from the first layer, 2 from the preference center. */
  onDone(choices: TcfChoices, screen: 1 | 2, outcome: TcfOutcome): void;
}

type Item = { id: number; name: string; description?: string };
const item = (map: unknown, id: number): Item | undefined =>
  (map as Record<string, Item> | undefined)?.[String(id)];
const DAY_S = 24 * 60 * 60;

/** The first layer. `open` shows the preference center in its place. */
export function renderFirstLayer(props: TcfNoticeProps, open: (section?: string) => void) {
  const { config, list, strings, words } = props;
  const count = vendorIds(list).length;
  const purposes = [...new Set([...config.purposes, ...legitimateInterestPurposes(config, list)])]
    .sort((a, b) => a - b)
    .map((id) => item(list.purposes, id))
    .filter((value): value is Item => !!value);
  const features = config.specialFeatures
    .map((id) => item(list.specialFeatures, id))
    .filter((value): value is Item => !!value);
  const button = (text: string, onclick: () => void, secondary = false) =>
    el(
      'button',
      { type: 'button', class: secondary ? 'button secondary' : 'button', onclick },
      text,
    );
  return el(
    'section',
    { class: 'tcf', role: 'dialog', 'aria-labelledby': 'tcf-title', 'aria-modal': 'false' },
    el('h2', { id: 'tcf-title', class: 'title' }, strings.notice.title),
    el('p', { class: 'description' }, fill(words.intro, count)),
    el('h3', { class: 'heading' }, words.purposes),
    el('ul', { class: 'names' }, ...purposes.map((p) => el('li', {}, p.name))),
    features.length ? el('h3', { class: 'heading' }, words.specialFeatures) : null,
    features.length
      ? el('ul', { class: 'names' }, ...features.map((f) => el('li', {}, f.name)))
      : null,
    el(
      'p',
      {},
      el(
        'button',
        { type: 'button', class: 'link', onclick: () => open('vendors') },
        fill(words.partners, count),
      ),
    ),
    el(
      'div',
      { class: 'actions' },
      button(strings.notice.acceptAll, () =>
        props.onDone(acceptAllChoices(config, list), 1, 'accept'),
      ),
      button(strings.notice.rejectAll, () => props.onDone(rejectAllChoices(), 1, 'reject')),
      button(strings.notice.customize, () => open(), true),
    ),
  );
}

/** The preference center; `back` returns to the first layer. */
export function renderPreferences(props: TcfNoticeProps, back: () => void, focus?: string) {
  const { config, list, strings, words } = props;
  const chosen = {
    purposeConsents: new Set(props.choices.purposeConsents),
    purposeLegitimateInterests: new Set(props.choices.purposeLegitimateInterests),
    specialFeatureOptins: new Set(props.choices.specialFeatureOptins),
    vendorConsents: new Set(props.choices.vendorConsents),
    vendorLegitimateInterests: new Set(props.choices.vendorLegitimateInterests),
    acConsents: new Set(props.choices.acConsents),
  };
  type Key = keyof typeof chosen;
  const switches: { key: Key; id: number; input: HTMLInputElement }[] = [];
  const toggle = (key: Key, id: number, label: string) => {
    const input = el('input', {
      type: 'checkbox',
      role: 'switch',
      class: 'switch',
      'aria-label': label,
      onchange: () => (input.checked ? chosen[key].add(id) : chosen[key].delete(id)),
    }) as HTMLInputElement;
    input.checked = chosen[key].has(id);
    switches.push({ key, id, input });
    return el('label', { class: 'toggle' }, input, el('span', { 'aria-hidden': 'true' }, label));
  };
  const setAll = (keys: Key[], on: boolean) => {
    for (const entry of switches) {
      if (!keys.includes(entry.key)) continue;
      entry.input.checked = on;
      if (on) chosen[entry.key].add(entry.id);
      else chosen[entry.key].delete(entry.id);
    }
  };
  const sectionActions = (keys: Key[], name: string) =>
    el(
      'div',
      { class: 'actions compact' },
      el(
        'button',
        {
          type: 'button',
          class: 'button secondary',
          'aria-label': `${strings.notice.acceptAll}: ${name}`,
          onclick: () => setAll(keys, true),
        },
        strings.notice.acceptAll,
      ),
      el(
        'button',
        {
          type: 'button',
          class: 'button secondary',
          'aria-label': `${strings.notice.rejectAll}: ${name}`,
          onclick: () => setAll(keys, false),
        },
        strings.notice.rejectAll,
      ),
    );
  const entry = (head: Item, ...extra: (Node | null)[]) =>
    el(
      'li',
      { class: 'entry' },
      el(
        'details',
        {},
        el('summary', {}, head.name),
        head.description ? el('p', { class: 'muted' }, head.description) : null,
      ),
      ...extra,
    );
  const section = (id: string, title: string, ...children: (Node | null)[]) =>
    el(
      'section',
      { id: `tcf-${id}`, class: 'group', 'aria-labelledby': `tcf-${id}-title` },
      el('h3', { id: `tcf-${id}-title`, class: 'heading' }, title),
      ...children,
    );

  const liPurposes = legitimateInterestPurposes(config, list);
  const liVendors = legitimateInterestVendors(config, list);
  const used = [...new Set([...config.purposes, ...liPurposes])].sort((a, b) => a - b);
  const ids = vendorIds(list);
  const vendorsOf = (field: 'specialPurposes' | 'features') =>
    [...new Set(ids.flatMap((id) => list.vendors[String(id)]![field]))].sort((a, b) => a - b);
  const names = (map: unknown, list_: number[]) =>
    list_
      .map((id) => item(map, id)?.name)
      .filter(Boolean)
      .join(', ');
  const stacks = Object.values(
    (list.stacks ?? {}) as Record<string, Item & { purposes: number[]; specialFeatures: number[] }>,
  ).filter(
    (stack) =>
      stack.purposes.every((id) => used.includes(id)) &&
      stack.specialFeatures.every((id) => config.specialFeatures.includes(id)),
  );

  const purposes = section(
    'purposes',
    words.purposes,
    sectionActions(['purposeConsents', 'purposeLegitimateInterests'], words.purposes),
    el(
      'ul',
      { class: 'entries' },
      ...used.map((id) => {
        const purpose = item(list.purposes, id)!;
        return entry(
          purpose,
          config.purposes.includes(id)
            ? toggle('purposeConsents', id, `${words.consent}: ${purpose.name}`)
            : null,
          liPurposes.includes(id)
            ? toggle(
                'purposeLegitimateInterests',
                id,
                `${words.legitimateInterest}: ${purpose.name}`,
              )
            : null,
        );
      }),
    ),
  );
  const specialFeatures = config.specialFeatures.length
    ? section(
        'special-features',
        words.specialFeatures,
        el(
          'ul',
          { class: 'entries' },
          ...config.specialFeatures.map((id) => {
            const feature = item(list.specialFeatures, id)!;
            return entry(
              feature,
              toggle('specialFeatureOptins', id, `${words.consent}: ${feature.name}`),
            );
          }),
        ),
      )
    : null;
  const info = (id: string, title: string, map: unknown, list_: number[]) =>
    list_.length
      ? section(
          id,
          title,
          el('ul', { class: 'entries' }, ...list_.map((n) => entry(item(map, n)!))),
        )
      : null;
  const vendors = section(
    'vendors',
    `${words.vendors} (${ids.length})`,
    sectionActions(['vendorConsents', 'vendorLegitimateInterests'], words.vendors),
    el(
      'ul',
      { class: 'entries' },
      ...ids.map((id) => {
        const vendor = list.vendors[String(id)]!;
        const url = vendor.urls?.find((u) => u.langId === strings.language) ?? vendor.urls?.[0];
        const privacy = safeLinkHref(url?.privacy);
        const retention = vendor.dataRetention?.stdRetention;
        const detail = (label: string, value: string) =>
          value ? el('p', { class: 'muted' }, el('strong', {}, `${label}: `), value) : null;
        return el(
          'li',
          { class: 'entry' },
          el(
            'details',
            {},
            el('summary', {}, vendor.name),
            detail(`${words.purposes} (${words.consent})`, names(list.purposes, vendor.purposes)),
            detail(
              `${words.purposes} (${words.legitimateInterest})`,
              names(list.purposes, vendor.legIntPurposes),
            ),
            detail(words.specialPurposes, names(list.specialPurposes, vendor.specialPurposes)),
            detail(words.features, names(list.features, vendor.features)),
            detail(words.specialFeatures, names(list.specialFeatures, vendor.specialFeatures)),
            detail(words.dataCategories, names(list.dataCategories, vendor.dataDeclaration ?? [])),
            retention !== undefined
              ? el('p', { class: 'muted' }, fill(words.retention, retention))
              : null,
            vendor.usesCookies && vendor.cookieMaxAgeSeconds
              ? el(
                  'p',
                  { class: 'muted' },
                  fill(words.cookieAge, Math.round(vendor.cookieMaxAgeSeconds / DAY_S)),
                )
              : null,
            privacy
              ? el(
                  'p',
                  {},
                  el(
                    'a',
                    {
                      href: privacy,
                      class: 'policy',
                      target: '_blank',
                      rel: 'noopener noreferrer',
                    },
                    strings.notice.privacyPolicy,
                  ),
                )
              : null,
          ),
          vendor.purposes.length
            ? toggle('vendorConsents', id, `${words.consent}: ${vendor.name}`)
            : null,
          liVendors.includes(id)
            ? toggle('vendorLegitimateInterests', id, `${words.legitimateInterest}: ${vendor.name}`)
            : null,
        );
      }),
    ),
  );
  const google = config.googleAcProviders.length
    ? section(
        'google',
        words.googleProviders,
        sectionActions(['acConsents'], words.googleProviders),
        el(
          'ul',
          { class: 'entries' },
          ...config.googleAcProviders.map((id) =>
            el(
              'li',
              { class: 'entry' },
              el('span', {}, fill(words.provider, id)),
              toggle('acConsents', id, `${words.consent}: ${fill(words.provider, id)}`),
            ),
          ),
        ),
      )
    : null;
  const done = (outcome: TcfOutcome) => {
    if (outcome === 'accept') return props.onDone(acceptAllChoices(config, list), 2, 'accept');
    if (outcome === 'reject') return props.onDone(rejectAllChoices(), 2, 'reject');
    props.onDone(
      {
        purposeConsents: [...chosen.purposeConsents],
        purposeLegitimateInterests: [...chosen.purposeLegitimateInterests],
        specialFeatureOptins: [...chosen.specialFeatureOptins],
        vendorConsents: [...chosen.vendorConsents],
        vendorLegitimateInterests: [...chosen.vendorLegitimateInterests],
        acConsents: [...chosen.acConsents],
      },
      2,
      'custom',
    );
  };
  const panel = el(
    'section',
    {
      class: 'tcf preferences',
      role: 'dialog',
      'aria-labelledby': 'tcf-title',
      'aria-modal': 'false',
    },
    el('h2', { id: 'tcf-title', class: 'title' }, strings.preferences.title),
    el(
      'div',
      { class: 'actions' },
      el(
        'button',
        { type: 'button', class: 'button', onclick: () => done('accept') },
        strings.notice.acceptAll,
      ),
      el(
        'button',
        { type: 'button', class: 'button', onclick: () => done('reject') },
        strings.notice.rejectAll,
      ),
      el('button', { type: 'button', class: 'button secondary', onclick: back }, words.back),
    ),
    purposes,
    specialFeatures,
    info(
      'special-purposes',
      words.specialPurposes,
      list.specialPurposes,
      vendorsOf('specialPurposes'),
    ),
    info('features', words.features, list.features, vendorsOf('features')),
    stacks.length
      ? section(
          'stacks',
          words.stacks,
          el('ul', { class: 'entries' }, ...stacks.map((stack) => entry(stack))),
        )
      : null,
    vendors,
    google,
    el(
      'div',
      { class: 'actions sticky' },
      el(
        'button',
        { type: 'button', class: 'button', onclick: () => done('custom') },
        strings.notice.save,
      ),
    ),
  );
  if (focus) queueMicrotask(() => panel.querySelector(`#tcf-${focus}`)?.scrollIntoView());
  return panel;
}
