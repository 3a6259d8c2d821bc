/**
 * What the notice reads of its language's strings. A notice module (`notice-<code>.js`) carries
 * only these fields of its language (vite.config.ts drops the others from its copy of the
 * language's module: the preference center, the gate, the request form and the floating button
 * load their language's module themselves), so the notice reads its strings as `NoticeStrings`:
 * a field it starts reading fails typechecking until it is named here, and is then kept.
 */
import type { UiStrings } from './built-in-locales.ts';
import type { ResolvedStrings } from './ui-strings.ts';

export const NOTICE_FIELDS = [
  'dir',
  'notice',
  'allDevices',
  'usPrivacy',
] as const satisfies readonly (keyof UiStrings)[];

export type NoticeStrings = Pick<ResolvedStrings, 'language' | (typeof NOTICE_FIELDS)[number]>;
