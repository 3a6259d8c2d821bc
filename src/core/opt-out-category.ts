import type { ConsentType, OptOutCategory, UsStateRule } from './types.ts';

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

/** The opt-out categories a type is marked with (its `subcategory`, one mark or an array). */
export function optOutCategoriesOf(type: ConsentType): OptOutCategory[] {
  const marks: unknown[] = Array.isArray(type.subcategory) ? type.subcategory : [type.subcategory];
  const found = new Set<OptOutCategory>();
  for (const mark of marks) {
    if (typeof mark === 'string') for (const c of CATEGORY_MARKS[mark] ?? []) found.add(c);
  }
  return [...found];
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
