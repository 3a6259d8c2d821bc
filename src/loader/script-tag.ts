import type { FloatingButtonPosition, NoticeLayout, SiteConfig, ThemeMode } from '../core/types.ts';

/** Display options the script tag may set over the project config (`data-layout`, …). */
export interface DisplayOverrides {
  layout?: NoticeLayout;
  mode?: ThemeMode;
  blocking?: boolean;
  floatingButton?: boolean | FloatingButtonPosition;
}

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
  /** `data-layout`, `data-theme`, `data-blocking`, `data-floating-button`. */
  display: DisplayOverrides;
  /** `data-tcf`: install the `__tcfapi` stub at once, before the first config arrives. */
  tcf: boolean;
}

const LAYOUTS = ['bar-bottom', 'bar-top', 'box', 'modal'];
const MODES = ['light', 'dark', 'auto'];
/** A boolean attribute: present and not `"false"`. */
const flag = (value: string | undefined) => (value === undefined ? undefined : value !== 'false');

function readDisplay(data: DOMStringMap): DisplayOverrides {
  const display: DisplayOverrides = {};
  if (LAYOUTS.includes(data.layout!)) display.layout = data.layout as NoticeLayout;
  if (MODES.includes(data.theme!)) display.mode = data.theme as ThemeMode;
  const blocking = flag(data.blocking);
  if (blocking !== undefined) display.blocking = blocking;
  // `data-floating-button` alone is the left corner; `="right"` the other one; `="false"` off.
  const button = data.floatingButton;
  if (button !== undefined)
    display.floatingButton = button === 'left' || button === 'right' ? button : flag(button);
  return display;
}

/** The config as the page shows it: the script tag's display options win over the project's. */
export function withDisplay(config: SiteConfig, display: DisplayOverrides): SiteConfig {
  const { mode, ...rest } = display;
  return { ...config, ...rest, theme: mode ? { ...config.theme, mode } : config.theme };
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
    display: script ? readDisplay(script.dataset) : {},
    tcf: script?.hasAttribute('data-tcf') ?? false,
  };
}
