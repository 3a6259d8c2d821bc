/**
 * Where the built-in strings come from: a module per language (`dist/i18n/<code>-<hash>.js`).
 * A notice module (`notice-<code>.js`) carries its language's strings instead, and vite.config.ts
 * gives it a stand-in for this module: the codes from the loader (src/loader/kernel.ts), and
 * another language, which the loader's choice of the module makes rare, through `strings.js`,
 * instead of the 32 file names of this module (0.45 kB of each notice module).
 */
import type { NoticeTexts } from '../../core/types.ts';
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
  /**
   * The first layer's sentence that the choice applies to all the person's devices, shown only
   * once the page identified the person (`assent.identify`, issue 17).
   */
  allDevices: string;
  /** Accessible name of the floating button that reopens the preference center. */
  floatingButton: string;
  /** The `<assent-gate>` placeholder. */
  gate: GateTexts;
  /** The `<assent-request>` form, and the preference center's link to it. */
  request: RequestTexts;
  /** US state privacy laws (issue 21). */
  usPrivacy: UsPrivacyTexts;
}

/** What the US state laws need said (`src/core/us-states.ts`). */
export interface UsPrivacyTexts {
  /** Where Global Privacy Control declined something (CCPA regulations §7025(c)(6)). */
  signalHonoured: string;
  /** California's opt-out link (CCPA §1798.135(a)(1)). */
  doNotSellOrShare: string;
  /** The other states' opt-out link. */
  optOut: string;
  /** California's notice at collection (CCPA §1798.100(b)), beside the privacy policy link. */
  noticeAtCollection: string;
}

const LOCALES = import.meta.glob<{ default: UiStrings }>('./locales/*.ts');

/** Codes of the built-in languages (`pt-br` besides `pt`). */
export const BUILT_IN: ReadonlySet<string> = new Set(
  Object.keys(LOCALES).map((path) => path.slice(10, -3)),
);

/** The strings of a built-in language; rejects for a code that is not one. */
export async function importLocale(code: string): Promise<UiStrings> {
  return (await LOCALES[`./locales/${code}.ts`]!()).default;
}
