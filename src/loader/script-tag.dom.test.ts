import { describe, expect, it } from 'vitest';
import { ENGLISH_NOTICE_TEXTS } from '../core/english-notice-texts.ts';
import { pickLanguage } from '../core/language.ts';
import type { SiteConfig } from '../core/types.ts';
import { readScriptTag } from './script-tag.ts';

const PROJECT = '00000000-0000-4000-8000-00000000000b';
const config: SiteConfig = {
  projectId: PROJECT,
  name: 'Test',
  consentTypes: [],
  defaultConsentDuration: 'P6M',
  texts: { en: ENGLISH_NOTICE_TEXTS },
  defaultLanguage: 'en',
  theme: { accent: '#000' },
  geography: 'unknown',
  policy: 'opt-in',
};

/** A script element as `/assent/{projectId}/assent.js` leaves it before the loader runs. */
function script(src: string, data: Record<string, string> = {}, embed?: object) {
  const element = document.createElement('script');
  element.src = src;
  for (const [name, value] of Object.entries(data)) element.dataset[name] = value;
  if (embed) Object.assign(element, { assentEmbed: embed });
  return element;
}
const embed = (over: object = {}) => ({ projectId: PROJECT, assets: '../', config, ...over });

describe('readScriptTag with a per-project loader', () => {
  it('takes the project, the embedded config and the widget folder from the embed', () => {
    const options = readScriptTag(
      script(`https://cmp.example/assent/${PROJECT}/assent.js`, {}, embed()),
    );
    expect(options.projectId).toBe(PROJECT);
    expect(options.embedded).toEqual(config);
    expect(options.assetBase).toBe('https://cmp.example/assent/');
    expect(options.apiBase).toBe('https://cmp.example');
  });

  it('keeps the plain loader as it was: data-project, files next to the script, no config', () => {
    const options = readScriptTag(
      script('https://cmp.example/assent/assent.js', { project: PROJECT }),
    );
    expect(options).toMatchObject({
      projectId: PROJECT,
      assetBase: 'https://cmp.example/assent/',
    });
    expect(options.embedded).toBeUndefined();
  });

  it('fetches instead when data-region asks for another geography, data-project names another project, or the embed does not parse', () => {
    const src = `https://cmp.example/assent/${PROJECT}/assent.js`;
    expect(readScriptTag(script(src, { region: 'DE' }, embed())).embedded).toBeUndefined();
    const other = '00000000-0000-4000-8000-00000000000c';
    const options = readScriptTag(script(src, { project: other }, embed()));
    expect(options.projectId).toBe(other);
    expect(options.embedded).toBeUndefined();
    const broken = embed({ config: { ...config, consentTypes: 'none' } });
    expect(readScriptTag(script(src, {}, broken)).embedded).toBeUndefined();
  });
});

describe('pickLanguage', () => {
  const builtIn = new Set(['de', 'en', 'fr', 'pt', 'pt-br']);
  it('picks the notice module of the first language the widget or the project has', () => {
    expect(pickLanguage(['xx', 'pt-BR'], [], 'en', builtIn).builtIn).toBe('pt-br');
    expect(pickLanguage(['de-AT'], ['en'], 'en', builtIn).builtIn).toBe('de');
    // A language only the project has texts for: English labels around them.
    expect(pickLanguage(['nb'], ['nb'], 'en', builtIn)).toEqual({
      language: 'nb',
      textsKey: 'nb',
      builtIn: 'en',
    });
    expect(pickLanguage(['xx'], ['fr'], 'fr', builtIn).builtIn).toBe('fr');
  });
});
