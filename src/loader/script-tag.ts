/** What the site owner put on the script tag. */
export interface ScriptTagOptions {
  projectId: string | undefined;
  /** Site API origin; defaults to the script's own origin. */
  apiBase: string;
  /** Where the UI bundles are, next to the loader. */
  assetBase: string;
  language: string | undefined;
  region: string | undefined;
  nonce: string | undefined;
  /** `data-preview`: consent types in `test` status are asked too. */
  preview: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readScriptTag(script: HTMLScriptElement | null): ScriptTagOptions {
  const src = new URL(script?.src || '/assent/assent.js', location.href);
  const project = script?.dataset.project;
  return {
    projectId: project && UUID.test(project) ? project : undefined,
    apiBase: script?.dataset.api || src.origin,
    assetBase: new URL('./', src).href,
    language: script?.dataset.language || undefined,
    region: script?.dataset.region || undefined,
    nonce: script?.nonce || undefined,
    preview: script?.hasAttribute('data-preview') ?? false,
  };
}
