/**
 * The widget's own strings (buttons, labels, headings), built in for 32 languages: every official
 * EU language plus Arabic, Hebrew, Chinese (Simplified), Japanese, Korean, Turkish, Ukrainian and
 * Brazilian Portuguese. Each language is its own small module (`dist/i18n/<code>-<hash>.js`), so a
 * visitor downloads one language, not thirty-two.
 */
import type { NoticeTexts, SiteConfig } from '../../core/types.ts';
import type { RequestTexts } from '../../elements/assent-request.ts';
import type { GateTexts } from '../../elements/gate-text.ts';
import type { PreferenceTexts } from '../preferences/preference-texts.ts';

/** Everything one language module holds. */
export interface UiStrings {
  /** `rtl` for right-to-left scripts (Arabic, Hebrew). */
  dir?: 'rtl';
  /** Built-in notice texts; the project's own texts for the language win over them. */
  notice: NoticeTexts;
  preferences: PreferenceTexts;
  /** Accessible name of the floating button that reopens the preference center. */
  floatingButton: string;
  /** The `<assent-gate>` placeholder. */
  gate: GateTexts;
  /** The `<assent-request>` form, and the preference center's link to it. */
  request: RequestTexts;
}

/** The strings the widget renders with, for the language it chose. */
export interface ResolvedStrings {
  /** BCP 47 tag of the language shown (`lang` of the widget's host). */
  language: string;
  dir: 'ltr' | 'rtl';
  notice: NoticeTexts;
  preferences: PreferenceTexts;
  floatingButton: string;
  gate: GateTexts;
  request: RequestTexts;
}

const LOCALES = import.meta.glob<{ default: UiStrings }>('./locales/*.ts');
const BUILT_IN = new Set(Object.keys(LOCALES).map((path) => path.slice(10, -3)));

/** Codes of the built-in languages (`pt-br` besides `pt`). */
export const builtInLanguages = (): string[] => [...BUILT_IN].sort();

/** `pt-BR` → [`pt-br`, `pt`]; `zh-Hans-CN` → [`zh-hans-cn`, `zh`]. */
function forms(language: string): string[] {
  const tag = language.toLowerCase().replace(/_/g, '-');
  const primary = tag.split('-')[0]!;
  return tag === primary ? [tag] : [tag, primary];
}

/**
 * The first of the visitor's languages the project has texts for or the widget has strings for,
 * else the project's default language. `languages` is `[data-language, <html lang>,
 * ...navigator.languages]`, most preferred first.
 */
export function chooseLanguage(
  languages: readonly string[],
  projectLanguages: readonly string[],
  defaultLanguage: string,
): { language: string; textsKey: string | undefined; builtIn: string } {
  const project = new Set(projectLanguages.map((language) => language.toLowerCase()));
  const projectKey = (form: string) =>
    projectLanguages.find((language) => language.toLowerCase() === form);
  for (const language of [...languages, defaultLanguage]) {
    for (const form of forms(language)) {
      if (!project.has(form) && !BUILT_IN.has(form)) continue;
      const all = forms(language);
      const textsKey = all.map(projectKey).find((key) => key !== undefined);
      const builtIn = all.find((candidate) => BUILT_IN.has(candidate)) ?? 'en';
      return { language: form, textsKey, builtIn };
    }
  }
  return { language: 'en', textsKey: projectKey('en'), builtIn: 'en' };
}

/**
 * Starts downloading the built-in strings the visitor most likely reads, before the project's
 * config is known: the notice then finds them cached instead of waiting for one more request.
 */
export function preloadStrings(languages: readonly string[]): void {
  const builtIn = languages.flatMap(forms).find((form) => BUILT_IN.has(form));
  if (builtIn) void LOCALES[`./locales/${builtIn}.ts`]!().catch(() => {});
}

/**
 * Loads the built-in strings of the language the visitor reads, with the project's own notice
 * texts for that language laid over them. Never rejects: a failed download falls back to the
 * project's texts in its default language with English labels.
 */
export async function loadStrings(
  config: Pick<SiteConfig, 'texts' | 'defaultLanguage'>,
  languages: readonly string[],
): Promise<ResolvedStrings> {
  const { language, textsKey, builtIn } = chooseLanguage(
    languages,
    Object.keys(config.texts),
    config.defaultLanguage,
  );
  let strings: UiStrings;
  try {
    strings = (await LOCALES[`./locales/${builtIn}.ts`]!()).default;
  } catch {
    strings = (await LOCALES['./locales/en.ts']!()).default;
  }
  const own = textsKey ? config.texts[textsKey] : undefined;
  return {
    language,
    dir: strings.dir ?? 'ltr',
    notice: { ...strings.notice, ...own },
    preferences: strings.preferences,
    floatingButton: strings.floatingButton,
    gate: strings.gate,
    request: strings.request,
  };
}
