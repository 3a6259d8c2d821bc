/**
 * The TCF notice's own words (issue 20); the IAB's purpose texts come translated from the GVL's
 * `purposes-xx.json`, and "Accept all", "Reject all", "Save" from the widget's strings in
 * `src/ui/i18n/`. `{n}` is a number. A language without an entry here reads English.
 */
export interface TcfStrings {
  intro: string;
  partners: string;
  purposes: string;
  specialPurposes: string;
  features: string;
  specialFeatures: string;
  stacks: string;
  vendors: string;
  consent: string;
  legitimateInterest: string;
  retention: string;
  cookieAge: string;
  dataCategories: string;
  googleProviders: string;
  provider: string;
  back: string;
}

const en: TcfStrings = {
  intro:
    'We and our {n} partners store and/or access information on your device and process personal data, such as unique identifiers and browsing data, for the purposes below. Some partners rely on legitimate interest, which you can object to. You can change your choices at any time from the link at the bottom of the page.',
  partners: 'See our {n} partners',
  purposes: 'Purposes',
  specialPurposes: 'Special purposes (no choice: needed to run the service)',
  features: 'Features',
  specialFeatures: 'Special features',
  stacks: 'Groups of purposes',
  vendors: 'Partners',
  consent: 'Consent',
  legitimateInterest: 'Legitimate interest (switch off to object)',
  retention: 'Keeps data for {n} days',
  cookieAge: 'Cookies last up to {n} days',
  dataCategories: 'Data used',
  googleProviders: 'Google ad technology providers',
  provider: 'Provider {n}',
  back: 'Back',
};

const LOCALES = import.meta.glob<{ default: TcfStrings }>('./locales/*.ts');

/**
 * The strings of a language (`fr`, `pt-br`), English when there are none: a visitor downloads
 * only their own (a file per language, beside the chunk).
 */
export async function loadTcfStrings(language: string): Promise<TcfStrings> {
  const tag = language.toLowerCase();
  const load = LOCALES[`./locales/${tag}.ts`] ?? LOCALES[`./locales/${tag.slice(0, 2)}.ts`];
  try {
    return load ? (await load()).default : en;
  } catch {
    return en;
  }
}

/** `'Keeps data for {n} days'` with `n`. */
export const fill = (text: string, n: number) => text.replace('{n}', String(n));
