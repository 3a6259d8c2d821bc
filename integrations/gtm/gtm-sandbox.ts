/**
 * Runs a Google Tag Manager custom template outside GTM: its sandboxed JavaScript against mocks
 * of the GTM APIs it requires, and the scenarios of its own `___TESTS___` section with the test
 * APIs GTM gives them (`mock`, `runCode`, `assertApi`, `assertThat`, `fail`). Enough of GTM for
 * Assent's template, not all of it: the APIs below, and JavaScript as Node runs it (GTM's sandbox
 * is a stricter subset; its own editor runs the same tests there).
 */
import { runInNewContext } from 'node:vm';

/** The template's sections by name (`INFO`, `SANDBOXED_JS_FOR_WEB_TEMPLATE`, `TESTS`, …). */
export function readSections(template: string): Record<string, string> {
  const sections: Record<string, string> = {};
  const parts = template.split(/^___([A-Z_]+)___$/m);
  for (let i = 1; i < parts.length; i += 2) sections[parts[i]!] = parts[i + 1]!.trim();
  return sections;
}

/** A test section's setup and scenarios (the YAML GTM writes: `- name:`, `code: |-` blocks). */
export function readTests(tests: string): {
  setup: string;
  scenarios: { name: string; code: string }[];
} {
  const scenarios: { name: string; code: string }[] = [];
  const setup = { code: '' };
  let target: { name?: string; code: string } | undefined;
  let indent = 0;
  for (const line of tests.split('\n')) {
    const name = /^- name: (.*)$/.exec(line);
    if (name) {
      const scenario = { name: name[1]!.trim(), code: '' };
      scenarios.push(scenario);
      target = scenario;
      indent = 0;
    } else if (/^ {2}code: \|-$/.test(line)) {
      indent = 4;
    } else if (/^setup: \|-$/.test(line)) {
      target = setup;
      indent = 2;
    } else if (target && indent && (line.startsWith(' '.repeat(indent)) || line === '')) {
      target.code += line.slice(indent) + '\n';
    }
  }
  return { setup: setup.code, scenarios };
}

/** Deep equality as GTM's `wasCalledWith`/`isEqualTo` have it: values, not prototypes or key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) =>
    sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

type Api = (...args: unknown[]) => unknown;

/** What the GTM APIs do when a test does not mock them. */
const DEFAULTS: Record<string, Api> = {
  setDefaultConsentState: () => undefined,
  updateConsentState: () => undefined,
  gtagSet: () => undefined,
  injectScript: () => undefined,
  callInWindow: () => undefined,
  createQueue: () => () => undefined,
  logToConsole: () => undefined,
  encodeUriComponent: (value) => encodeURIComponent(String(value)),
  makeNumber: (value) => Number(value),
};

/** The GTM APIs this runner knows; a template requiring another fails its run. */
export const KNOWN_APIS = Object.keys(DEFAULTS);

export interface ScenarioResult {
  name: string;
  error?: string;
}

/** Runs every scenario of the template's tests; each gets fresh mocks, as in GTM. */
export function runTemplateTests(template: string): ScenarioResult[] {
  const sections = readSections(template);
  const code = sections.SANDBOXED_JS_FOR_WEB_TEMPLATE ?? '';
  const { setup, scenarios } = readTests(sections.TESTS ?? '');
  return scenarios.map(({ name, code: test }) => {
    const mocks: Record<string, Api> = {};
    const calls: Record<string, unknown[][]> = {};
    const record =
      (api: string, impl: Api): Api =>
      (...args) => {
        (calls[api] ??= []).push(args);
        return impl(...args);
      };
    const requireApi = (api: string) => {
      if (!(api in DEFAULTS)) throw new Error(`the runner has no GTM API "${api}"`);
      return record(api, (...args) => (mocks[api] ?? DEFAULTS[api]!)(...args));
    };
    const assertApi = (api: string) => ({
      wasCalled() {
        if (!calls[api]?.length) throw new Error(`${api} was not called`);
      },
      wasNotCalled() {
        if (calls[api]?.length) throw new Error(`${api} was called`);
      },
      wasCalledWith(...expected: unknown[]) {
        if (!(calls[api] ?? []).some((args) => sameValue(args, expected))) {
          throw new Error(
            `${api} was not called with ${JSON.stringify(expected)}; calls: ${JSON.stringify(calls[api] ?? [])}`,
          );
        }
      },
    });
    const assertThat = (actual: unknown) => ({
      isEqualTo(expected: unknown) {
        if (!sameValue(actual, expected))
          throw new Error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
      },
      isDefined() {
        if (actual === undefined) throw new Error('expected a value, got undefined');
      },
      isUndefined() {
        if (actual !== undefined)
          throw new Error(`expected undefined, got ${JSON.stringify(actual)}`);
      },
      isTrue() {
        if (actual !== true) throw new Error(`expected true, got ${JSON.stringify(actual)}`);
      },
    });
    const runCode = (data: Record<string, unknown>) => {
      const withCallbacks = {
        ...data,
        gtmOnSuccess: record('gtmOnSuccess', () => undefined),
        gtmOnFailure: record('gtmOnFailure', () => undefined),
      };
      const run = runInNewContext(`(function (require, data) {\n${code}\n})`, {}) as (
        require: (api: string) => Api,
        data: unknown,
      ) => void;
      run(requireApi, withCallbacks);
    };
    const context = {
      mock: (api: string, impl: Api) => void (mocks[api] = impl),
      runCode,
      assertApi,
      assertThat,
      fail: (message: string) => {
        throw new Error(message);
      },
    };
    try {
      runInNewContext(`(function () {\n${setup}\n${test}\n})()`, context);
      return { name };
    } catch (error) {
      return { name, error: error instanceof Error ? error.message : String(error) };
    }
  });
}
