/**
 * What the visitor's decisions say in the GPP US sections. A category the project has a type for
 * gets its notice (`1`, given: the notice and the opt-out link show it) and its opt-out: `1` opted
 * out when any type carrying it is not allowed, `2` did not opt out when all are. A category the
 * project has no type for stays `0`, not applicable. Assent is no MSPA signatory by itself:
 * `MspaCoveredTransaction` is `2` (no) and the modes `0`.
 */
import { isAllowingState } from '../core/decision.ts';
import { optOutCategoriesOf } from '../core/opt-out-category.ts';
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

const notice = (value: 0 | 1 | 2) => (value ? 1 : 0);
/** Opted out of either is opted out; else not opted out of either; else not applicable. */
const either = (a: 0 | 1 | 2, b: 0 | 1 | 2) => (a === 1 || b === 1 ? 1 : a || b);

/** The values of one section for these decisions and this signal. */
export function sectionValues(
  name: GppUsSection,
  status: Record<OptOutCategory, 0 | 1 | 2>,
  gpc: boolean,
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
  set('SensitiveDataProcessingOptOutNotice', notice(status.sensitive_data));
  set('SensitiveDataLimitUseNotice', notice(status.sensitive_data));
  const sensitive = values.SensitiveDataProcessing as number[];
  set(
    'SensitiveDataProcessing',
    sensitive.map(() => status.sensitive_data),
  );
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
