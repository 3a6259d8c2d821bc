/**
 * The widget's own strings (buttons, labels, headings), built in for 32 languages: every official
 * EU language plus Arabic, Hebrew, Chinese (Simplified), Japanese, Korean, Turkish, Ukrainian and
 * Brazilian Portuguese. Each language is its own small module (`dist/i18n/<code>-<hash>.js`), so a
 * visitor downloads one language, not thirty-two.
 */
import { languageForms, pickLanguage } from '../../core/language.ts';
import type { NoticeTexts, SiteConfig } from '../../core/types.ts';
import type { RequestTexts } from '../../elements/assent-request.ts';
import type { GateTexts } from '../../elements/gate-text.ts';
import type { PreferenceTexts } from '../preferences/preference-texts.ts';
import { BUILT_IN, importLocale, type UiStrings, type UsPrivacyTexts } from './built-in-locales.ts';

/** The strings the widget renders with, for the language it chose. */
export interface ResolvedStrings {
  /** BCP 47 tag of the language shown (`lang` of the widget's host). */
  language: string;
  dir: 'ltr' | 'rtl';
  notice: NoticeTexts;
  preferences: PreferenceTexts;
  allDevices: string;
  floatingButton: string;
  gate: GateTexts;
  usPrivacy: UsPrivacyTexts;
  request: RequestTexts;
}

/** For the notice modules: their stand-in for ./built-in-locales.ts imports it (vite.config.ts). */
export { importLocale };

/** Codes of the built-in languages (`pt-br` besides `pt`). */
export const builtInLanguages = (): string[] => [...BUILT_IN].sort();

/**
 * The first of the visitor's languages the project has texts for or the widget has strings for,
 * else the project's default language (core/language.ts).
 */
export const chooseLanguage = (
  languages: readonly string[],
  projectLanguages: readonly string[],
  defaultLanguage: string,
) => pickLanguage(languages, projectLanguages, defaultLanguage, BUILT_IN);

/**
 * Strings bundled with the code that shows them: a notice module of one language
 * (`notice-<code>.js`) carries its language's strings, so that it needs no request for them
 * (only the fields the notice reads: ./notice-strings.ts; nothing else in that module reads them).
 */
const bundled: Record<string, UiStrings> = {};
export function registerStrings(code: string, strings: UiStrings): void {
  bundled[code] = strings;
}

/**
 * Starts downloading the built-in strings the visitor most likely reads, before the project's
 * config is known: the notice then finds them cached instead of waiting for one more request.
 */
export function preloadStrings(languages: readonly string[]): void {
  const builtIn = languages.flatMap(languageForms).find((form) => BUILT_IN.has(form));
  if (builtIn) void importLocale(builtIn).catch(() => {});
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
    strings = bundled[builtIn] ?? (await importLocale(builtIn));
  } catch {
    strings = await importLocale('en');
  }
  const own = textsKey ? config.texts[textsKey] : undefined;
  return {
    ...strings,
    language,
    dir: strings.dir ?? 'ltr',
    notice: { ...strings.notice, ...own },
  };
}
