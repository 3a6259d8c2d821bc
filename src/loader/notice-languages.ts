/**
 * The languages that have a notice module of their own (`notice-<code>.js`), set by the build:
 * the built-in languages (src/ui/i18n/locales/). The loader picks the visitor's notice module
 * among them, and a notice module picks its language among them too (./kernel.ts), instead of
 * carrying the list.
 */
declare const __ASSENT_NOTICE_LANGUAGES__: string[] | undefined;

export const NOTICE_LANGUAGES: ReadonlySet<string> = new Set(
  typeof __ASSENT_NOTICE_LANGUAGES__ === 'undefined' ? ['en'] : __ASSENT_NOTICE_LANGUAGES__,
);
