/**
 * What the loader shares of its own modules with its second half and the notice module (issue
 * 18): the UI build's `rest.js` and `notice-<code>.js` read these functions (and the languages
 * that have a notice module) from the loader instead of carrying copies of their own
 * (vite.config.ts reads the imports below: a module named here is, in those files, the names
 * imported here and nothing else, and the build fails if they import another of its names), so
 * that a first visit downloads them once. Under a symbol, not a name: nothing in the page's own
 * namespace.
 */
import {
  isAllowingState,
  isDecisionValid,
  isLater,
  isTypeInForce,
  labelRecord,
  mergeDecisions,
  validDecisions,
} from '../core/decision.ts';
import { addDuration, parseDuration } from '../core/duration.ts';
import { languageForms, pickLanguage } from '../core/language.ts';
import { NOTICE_LANGUAGES } from '../loader/notice-languages.ts';
import { withDisplay } from '../loader/script-tag.ts';
import { clearMirror, healMirror, readMirror, writeMirror } from '../storage/sync-mirror.ts';

/**
 * In this order: the copies read each name at its index (a list, not an object, so that the
 * names themselves are not in the loader).
 */
export const KERNEL = [
  isAllowingState,
  isDecisionValid,
  isLater,
  isTypeInForce,
  labelRecord,
  mergeDecisions,
  validDecisions,
  addDuration,
  parseDuration,
  languageForms,
  pickLanguage,
  clearMirror,
  healMirror,
  readMirror,
  writeMirror,
  withDisplay,
  NOTICE_LANGUAGES,
];

declare const __ASSENT_KERNEL_KEY__: string | undefined;

/**
 * Where the loader puts them (`Symbol.for`), before it imports anything that reads them:
 * `assent.kernel.<version>`, set by the build (vite.config.ts, `kernelKey`), so that a file of
 * another build's kernel finds nothing rather than other functions at its indices.
 */
export const KERNEL_KEY =
  typeof __ASSENT_KERNEL_KEY__ === 'undefined' ? 'assent.kernel' : __ASSENT_KERNEL_KEY__;

export function shareKernel(): void {
  const global = globalThis as unknown as Record<symbol, unknown>;
  global[Symbol.for(KERNEL_KEY)] ??= KERNEL;
}
