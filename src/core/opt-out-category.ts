import type { ConsentType, OptOutCategory, UsStateRule } from './types.ts';

/**
 * The categories of sensitive data the US laws name, in the order of the IAB's US National
 * section (`usnat` v2, `SensitiveDataProcessing`, fields 1 to 16); the state sections' fields
 * map onto them in `src/gpp/us-sections.ts`. A type marked `"sensitive_data:health"` processes
 * that category; a type marked `"sensitive_data"` alone counts as processing all of them.
 */
export const SENSITIVE_DATA_CATEGORIES = [
  'racial_ethnic_origin',
  'religious_beliefs',
  'health',
  'sex_life_orientation',
  'citizenship_immigration',
  'genetic',
  'biometric',
  'precise_geolocation',
  'government_id',
  'financial_account',
  'union_membership',
  'communications_contents',
  'consumer_health',
  'crime_victim',
  'national_origin',
  'transgender_nonbinary',
] as const;
export type SensitiveDataCategory = (typeof SENSITIVE_DATA_CATEGORIES)[number];

const SENSITIVE_MARK = 'sensitive_data:';

/** What GPC declines where a state rule says nothing: sale, sharing and targeted advertising. */
export const GPC_DEFAULT: OptOutCategory[] = ['sale', 'sharing', 'targeted_advertising'];

const CATEGORY_MARKS: Record<string, OptOutCategory[]> = {
  // The mark before issue 21: everything GPC declined then.
  sale_or_sharing: ['sale', 'sharing', 'targeted_advertising'],
  sale: ['sale'],
  sharing: ['sharing'],
  targeted_advertising: ['targeted_advertising'],
  sensitive_data: ['sensitive_data'],
};

const marksOf = (type: ConsentType): unknown[] =>
  Array.isArray(type.subcategory) ? type.subcategory : [type.subcategory];

const isSensitiveCategory = (name: string): name is SensitiveDataCategory =>
  (SENSITIVE_DATA_CATEGORIES as readonly string[]).includes(name);

/** The opt-out categories a type is marked with (its `subcategory`, one mark or an array). */
export function optOutCategoriesOf(type: ConsentType): OptOutCategory[] {
  const found = new Set<OptOutCategory>();
  for (const mark of marksOf(type)) {
    if (typeof mark !== 'string') continue;
    for (const c of CATEGORY_MARKS[mark] ?? []) found.add(c);
    if (mark.startsWith(SENSITIVE_MARK) && isSensitiveCategory(mark.slice(SENSITIVE_MARK.length)))
      found.add('sensitive_data');
  }
  return [...found];
}

/**
 * The sensitive data categories a type processes: those it names (`"sensitive_data:health"`),
 * or every one for the coarse `"sensitive_data"`; none for a type without either.
 */
export function sensitiveCategoriesOf(type: ConsentType): SensitiveDataCategory[] {
  const found = new Set<SensitiveDataCategory>();
  for (const mark of marksOf(type)) {
    if (mark === 'sensitive_data') return [...SENSITIVE_DATA_CATEGORIES];
    if (typeof mark !== 'string' || !mark.startsWith(SENSITIVE_MARK)) continue;
    const name = mark.slice(SENSITIVE_MARK.length);
    if (isSensitiveCategory(name)) found.add(name);
  }
  return SENSITIVE_DATA_CATEGORIES.filter((name) => found.has(name));
}

/** The categories GPC declines for a visitor: the state's own list where it has one. */
export function gpcOptOutsFor(stateGpc: readonly OptOutCategory[] | undefined): OptOutCategory[] {
  return stateGpc?.length ? [...stateGpc] : GPC_DEFAULT;
}

/**
 * The labels Global Privacy Control declines for a visitor: types marked with a category the
 * state's signal covers (Colorado: sale and targeted advertising), or `GPC_DEFAULT` elsewhere.
 */
export function gpcDeclinedLabels(types: ConsentType[], usState?: UsStateRule): string[] {
  const declined = gpcOptOutsFor(usState?.gpc);
  return types
    .filter((type) => optOutCategoriesOf(type).some((category) => declined.includes(category)))
    .map((type) => type.label);
}
