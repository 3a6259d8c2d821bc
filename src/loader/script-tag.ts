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
  /**
   * The project's config, embedded by the server in a per-project loader
   * (`/assent/{projectId}/assent.js`): current as of the response, which HTTP caching keeps
   * within the loader's freshness window. Absent with `data-region` (it asks for another
   * geography) or a `data-project` naming another project. Trusted for the first paint (the
   * server made it from a config it validated): the loader does not carry the config parser
   * (issue 18); the second half checks it like a fetched one, and fetches it when it does not
   * parse (src/loader/rest.ts).
   */
  embedded?: SiteConfig;
}

/** What `/assent/{projectId}/assent.js` sets on its `<script>` before the loader runs. */
interface Embed {
  projectId: string;
  /** The widget's other files, relative to the script's URL. */
  assets: string;
  config: SiteConfig;
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
  const embed = (script as (HTMLScriptElement & { assentEmbed?: Embed }) | null)?.assentEmbed;
  // `assent.js?project=…` too: tag managers inject scripts without attributes (GTM's injectScript).
  const project = script?.dataset.project || embed?.projectId || src.searchParams.get('project');
  const projectId = project && UUID.test(project) ? project : undefined;
  const region = script?.dataset.region || undefined;
  // Only the shape the first paint reads; the second half parses it whole.
  const embedded =
    embed &&
    !region &&
    embed.projectId.toLowerCase() === projectId?.toLowerCase() &&
    Array.isArray(embed.config?.consentTypes)
      ? embed.config
      : undefined;
  return {
    projectId,
    apiBase: script?.dataset.api || src.origin,
    assetBase: new URL(embed?.assets ?? './', src).href,
    ...(embedded && { embedded }),
    language: script?.dataset.language || undefined,
    region,
    nonce: script?.nonce || undefined,
    preview: script?.hasAttribute('data-preview') ?? false,
    display: script ? readDisplay(script.dataset) : {},
    tcf: script?.hasAttribute('data-tcf') ?? false,
  };
}
