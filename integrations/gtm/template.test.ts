import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWN_APIS, readSections, readTests, runTemplateTests } from './gtm-sandbox.ts';

const template = readFileSync(new URL('./template.tpl', import.meta.url), 'utf8');
const sections = readSections(template);

describe('the GTM template', () => {
  it('has the sections GTM imports, with valid JSON', () => {
    expect(Object.keys(sections)).toEqual([
      'TERMS_OF_SERVICE',
      'INFO',
      'TEMPLATE_PARAMETERS',
      'SANDBOXED_JS_FOR_WEB_TEMPLATE',
      'WEB_PERMISSIONS',
      'TESTS',
      'NOTES',
    ]);
    expect(JSON.parse(sections.INFO!)).toMatchObject({ type: 'TAG', containerContexts: ['WEB'] });
    expect(() => JSON.parse(sections.WEB_PERMISSIONS!)).not.toThrow();
  });

  it('reads only fields it declares, and requires only APIs it has a permission for', () => {
    const code = sections.SANDBOXED_JS_FOR_WEB_TEMPLATE!;
    const names = (JSON.parse(sections.TEMPLATE_PARAMETERS!) as { name: string }[]).map(
      (parameter) => parameter.name,
    );
    const read = [...code.matchAll(/data\.(\w+)/g)].map(([, name]) => name!);
    for (const name of read) {
      if (!name.startsWith('gtm')) expect(names, name).toContain(name);
    }
    const required = [...code.matchAll(/require\('(\w+)'\)/g)].map(([, api]) => api!);
    expect(KNOWN_APIS).toEqual(expect.arrayContaining(required));
    const permissions = (
      JSON.parse(sections.WEB_PERMISSIONS!) as { instance: { key: { publicId: string } } }[]
    ).map((permission) => permission.instance.key.publicId);
    const needs: Record<string, string> = {
      setDefaultConsentState: 'access_consent',
      updateConsentState: 'access_consent',
      injectScript: 'inject_script',
      callInWindow: 'access_globals',
      createQueue: 'access_globals',
      gtagSet: 'write_data_layer',
      logToConsole: 'logging',
    };
    for (const api of required) if (needs[api]) expect(permissions, api).toContain(needs[api]);
  });

  it('has test scenarios in its own format', () => {
    const { setup, scenarios } = readTests(sections.TESTS!);
    expect(setup).toContain('const mockData');
    expect(scenarios.length).toBeGreaterThanOrEqual(5);
  });

  for (const result of runTemplateTests(template)) {
    it(`passes its own scenario: ${result.name}`, () => {
      expect(result.error).toBeUndefined();
    });
  }

  it('fails a scenario whose assertion does not hold (the runner can fail)', () => {
    const broken = template.replace(
      "assertApi('gtagSet').wasCalledWith('ads_data_redaction', true);",
      "assertApi('gtagSet').wasCalledWith('ads_data_redaction', false);",
    );
    const results = runTemplateTests(broken);
    expect(
      results.find((result) => result.name === 'redacts ads data in basic mode')?.error,
    ).toMatch(/gtagSet was not called with/);
  });
});
