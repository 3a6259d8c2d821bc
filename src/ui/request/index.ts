/**
 * The `<assent-request>` bundle: the request form (plain DOM, no UI framework) with its strings in
 * the visitor's language. The loader imports it by URL once a page holds an `<assent-request>`;
 * the preference center's "Your data rights" link imports it too, so no other page pays for it.
 */
import {
  requestElement,
  type LocalizedRequestTexts,
  type RequestResult,
} from '../../elements/assent-request.ts';
import { managerFor } from '../../manager/index.ts';
import type { RequestBundle } from '../../runtime/bundles.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { loadStrings } from '../i18n/ui-strings.ts';

function actions(runtime: Runtime, ready: Promise<unknown>) {
  let texts: Promise<LocalizedRequestTexts> | undefined;
  /** A call with the visitor's session, as every other site API call the widget makes. */
  const withSession = async (
    call: (token: string) => Promise<RequestResult>,
  ): Promise<RequestResult> => {
    await ready;
    const token = await managerFor(runtime).sessionToken();
    return token.ok ? call(token.value) : token;
  };
  const answer = (result: Awaited<ReturnType<Runtime['api']['privacyRequest']>>): RequestResult =>
    result.ok ? { ok: true, ...result.value } : result;
  return {
    texts: () =>
      (texts ??= ready.then(async () => {
        const config = runtime.config ?? { texts: {}, defaultLanguage: 'en' };
        const strings = await loadStrings(config, runtime.languages);
        return { ...strings.request, language: strings.language, dir: strings.dir };
      })),
    file: (kind: string, email: string, language: string) =>
      withSession(async (token) =>
        answer(await runtime.api.privacyRequest(token, { kind, email, language })),
      ),
    verify: (id: string, code: string) =>
      withSession(async (token) => answer(await runtime.api.privacyRequest(token, { code }, id))),
  };
}

/** Defines `<assent-request>` (unless the page defined the name first). */
export const defineRequest: RequestBundle['defineRequest'] = (
  runtime,
  ready,
  registry = customElements,
) => {
  if (!registry.get('assent-request'))
    registry.define('assent-request', requestElement(actions(runtime, ready)));
};
