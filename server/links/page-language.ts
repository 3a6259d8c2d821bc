/**
 * The languages the widget has built-in strings for (`src/ui/i18n/locales/`, held equal by
 * `page-language.test.ts`): the hosted page's switcher offers them, and `Accept-Language` picks
 * among them.
 */
export const PAGE_LANGUAGES = [
  'ar',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'fi',
  'fr',
  'ga',
  'he',
  'hr',
  'hu',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'mt',
  'nl',
  'pl',
  'pt',
  'pt-br',
  'ro',
  'sk',
  'sl',
  'sv',
  'tr',
  'uk',
  'zh',
] as const;

const RTL = new Set(['ar', 'he']);

export const pageDirection = (language: string): 'rtl' | 'ltr' =>
  RTL.has(language.split('-')[0]!) ? 'rtl' : 'ltr';

function supported(tag: string): string | undefined {
  const lower = tag.trim().toLowerCase().replace(/_/g, '-');
  const known = PAGE_LANGUAGES as readonly string[];
  if (known.includes(lower)) return lower;
  const primary = lower.split('-')[0]!;
  return known.includes(primary) ? primary : undefined;
}

/**
 * `?lang=` when it names a known language, else the best of `Accept-Language` by its q-values,
 * else the project's default language, else English.
 */
export function choosePageLanguage(
  query: string | undefined,
  acceptLanguage: string | undefined,
  defaultLanguage: string,
): string {
  const asked = query && supported(query);
  if (asked) return asked;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag.trim() && entry.tag.trim() !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    const found = supported(entry.tag);
    if (found) return found;
  }
  return supported(defaultLanguage) ?? 'en';
}

/** A language's own name (`العربية`, `Deutsch`), for the switcher. */
export function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(code) + name.slice(1) : code;
  } catch {
    return code;
  }
}
