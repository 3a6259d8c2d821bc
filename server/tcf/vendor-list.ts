import type { TcfSettings } from '../../src/core/types.ts';
import type { GvlJson } from './gvl-source.ts';

const DECLARATIONS = [
  'purposes',
  'specialPurposes',
  'features',
  'specialFeatures',
  'stacks',
  'dataCategories',
] as const;

/**
 * The vendor list a project's widget gets: still a GVL v3 document (the TCF chunk builds its
 * `GVL` from it), with only the project's vendors, none the IAB has deleted, and the declarations
 * in the visitor's language when the IAB translates them (English otherwise).
 */
export function projectVendorList(
  list: GvlJson,
  settings: TcfSettings,
  translated: GvlJson | undefined,
  language: string,
  now: Date,
): GvlJson {
  const vendors: Record<string, Record<string, unknown>> = {};
  for (const id of settings.vendors) {
    const vendor = list.vendors?.[String(id)];
    if (!vendor) continue;
    const deleted = typeof vendor.deletedDate === 'string' ? Date.parse(vendor.deletedDate) : NaN;
    if (deleted <= now.getTime()) continue;
    vendors[String(id)] = vendor;
  }
  const declarations = Object.fromEntries(
    DECLARATIONS.map((key) => [key, (translated ?? list)[key] ?? list[key] ?? {}]),
  );
  return {
    gvlSpecificationVersion: list.gvlSpecificationVersion,
    vendorListVersion: list.vendorListVersion,
    tcfPolicyVersion: list.tcfPolicyVersion,
    lastUpdated: list.lastUpdated,
    language: translated ? language : 'en',
    ...declarations,
    purposes: declarations.purposes as Record<string, unknown>,
    vendors,
  };
}
