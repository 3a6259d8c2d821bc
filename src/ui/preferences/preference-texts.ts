import type { ConsentCategory, ConsentState } from '../../core/types.ts';

/**
 * Texts the preference center adds to the notice's. Built in per language (src/ui/i18n/locales);
 * the project config carries only the notice's texts.
 */
export interface PreferenceTexts {
  title: string;
  intro: string;
  close: string;
  readMore: string;
  fullText: string;
  categories: Record<'privacy_setting' | 'communication' | 'disclosure' | 'custom', string>;
  states: Record<ConsentState | 'none', string>;
  given: string;
  expires: string;
  /** The link that opens the visitor's receipt of their latest decision (issue 17). */
  receipt: string;
}

/** The heading a category is listed under (`custom_*` counts as custom). */
export function categoryKey(category: ConsentCategory): keyof PreferenceTexts['categories'] {
  return category === 'privacy_setting' || category === 'communication' || category === 'disclosure'
    ? category
    : 'custom';
}
