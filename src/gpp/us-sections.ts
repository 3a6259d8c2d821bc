/**
 * What the visitor's decisions say in the GPP US sections. A category the project has a type for
 * gets its notice (`1`, given: the notice and the opt-out link show it) and its opt-out: `1` opted
 * out when any type carrying it is not allowed, `2` did not opt out when all are. A category the
 * project has no type for stays `0`, not applicable. Assent is no MSPA signatory by itself:
 * `MspaCoveredTransaction` is `2` (no) and the modes `0`.
 *
 * Sensitive data goes category by category: each field of a section's `SensitiveDataProcessing`
 * covers the categories `SENSITIVE_DATA_FIELDS` gives it (California's fourth field covers three),
 * and reads `1` (no consent, or opted out) when a type processing one of them is not allowed, `2`
 * when all are, `0` when no type processes any. The section's sensitive-data notices are given
 * where one of its fields applies.
 */
import { isAllowingState } from '../core/decision.ts';
import {
  optOutCategoriesOf,
  SENSITIVE_DATA_CATEGORIES,
  sensitiveCategoriesOf,
  type SensitiveDataCategory,
} from '../core/opt-out-category.ts';
import type { ConsentState, GppUsSection, OptOutCategory, SiteConfig } from '../core/types.ts';
import { emptySection, SECTIONS, type SectionValues } from './gpp-string.ts';

/** Per category: `0` no type carries it, `1` opted out, `2` did not opt out. */
export function optOutStatus(
  config: SiteConfig,
  states: Record<string, ConsentState>,
): Record<OptOutCategory, 0 | 1 | 2> {
  const status: Record<OptOutCategory, 0 | 1 | 2> = {
    sale: 0,
    sharing: 0,
    targeted_advertising: 0,
    sensitive_data: 0,
  };
  for (const type of config.consentTypes) {
    if (type.status !== 'active') continue;
    for (const category of optOutCategoriesOf(type)) {
      const allowed = isAllowingState(states[type.label]);
      if (!allowed) status[category] = 1;
      else if (status[category] === 0) status[category] = 2;
    }
  }
  return status;
}

/** Per sensitive data category: as `optOutStatus`, for the types that process it. */
export function sensitiveDataStatus(
  config: SiteConfig,
  states: Record<string, ConsentState>,
): Partial<Record<SensitiveDataCategory, 1 | 2>> {
  const status: Partial<Record<SensitiveDataCategory, 1 | 2>> = {};
  for (const type of config.consentTypes) {
    if (type.status !== 'active') continue;
    const allowed = isAllowingState(states[type.label]);
    for (const category of sensitiveCategoriesOf(type)) {
      if (!allowed) status[category] = 1;
      else status[category] ??= 2;
    }
  }
  return status;
}

const R = 'racial_ethnic_origin';
const B = 'religious_beliefs';
const H = 'health';
const S = 'sex_life_orientation';
const C = 'citizenship_immigration';
const G = 'genetic';
const M = 'biometric';
const L = 'precise_geolocation';
/**
 * The categories of each field of a section's `SensitiveDataProcessing`, in field order, from the
 * IAB's section specifications (`usnat` v2 has one field per category, in the categories' order).
 */
export const SENSITIVE_DATA_FIELDS: Record<GppUsSection, readonly SensitiveDataCategory[][]> = {
  usnat: SENSITIVE_DATA_CATEGORIES.map((category) => [category]),
  usca: [
    ['government_id'],
    ['financial_account'],
    [L],
    [R, B, 'union_membership'],
    ['communications_contents'],
    [G],
    [M],
    [H],
    [S],
  ],
  usva: [[R], [B], [H], [S], [C], [G], [M], [L]],
  usco: [[R], [B], [H], [S], [C], [G], [M]],
  usut: [[R], [B], [S], [C], [H], [G], [M], [L]],
  usct: [[R], [B], [H], [S], [C], [G], [M], [L]],
};

const notice = (value: 0 | 1 | 2) => (value ? 1 : 0);
/** Opted out of either is opted out; else not opted out of either; else not applicable. */
const either = (a: 0 | 1 | 2, b: 0 | 1 | 2) => (a === 1 || b === 1 ? 1 : a || b);

/** The values of one section for these decisions and this signal. */
export function sectionValues(
  name: GppUsSection,
  status: Record<OptOutCategory, 0 | 1 | 2>,
  gpc: boolean,
  sensitive: Partial<Record<SensitiveDataCategory, 1 | 2>> = {},
): SectionValues {
  const values = emptySection(name);
  const fields = new Set(SECTIONS[name].core.map(([field]) => field));
  const set = (field: string, value: number | number[]) => {
    if (fields.has(field)) values[field] = value;
  };
  // California's "sharing" is the other states' targeted advertising (cross-context ads).
  const sharing = either(status.sharing, status.targeted_advertising);
  const advertising = sharing;
  set('SharingNotice', notice(either(status.sale, sharing)));
  set('SaleOptOutNotice', notice(status.sale));
  set('SaleOptOut', status.sale);
  set('SharingOptOutNotice', notice(sharing));
  set('SharingOptOut', sharing);
  set('TargetedAdvertisingOptOutNotice', notice(advertising));
  set('TargetedAdvertisingOptOut', advertising);
  const processing = SENSITIVE_DATA_FIELDS[name].map((categories) =>
    categories.reduce<0 | 1 | 2>((field, category) => either(field, sensitive[category] ?? 0), 0),
  );
  const processes = notice(Math.max(...processing) as 0 | 1 | 2);
  set('SensitiveDataProcessingOptOutNotice', processes);
  set('SensitiveDataLimitUseNotice', processes);
  set('SensitiveDataProcessing', processing);
  set('MspaCoveredTransaction', 2);
  if ('Gpc' in values) values.Gpc = gpc;
  return values;
}

/**
 * The sections a visitor's page carries: `usnat` when the project writes it, and the state's own
 * section when the project writes that one and the visitor is in that state.
 */
export function applicableSections(config: SiteConfig): GppUsSection[] {
  const wanted = config.gpp?.sections ?? [];
  if (!config.geography.startsWith('US')) return [];
  const state = config.usState?.gppSection;
  return wanted.filter((name) => name === 'usnat' || name === state);
}
