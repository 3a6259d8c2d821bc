import type { SiteConfig } from '../../core/types.ts';
import type { ResolvedStrings } from '../i18n/ui-strings.ts';

/** What a host reads of its strings (the notice's are only what it reads: notice-strings.ts). */
type HostStrings = Pick<ResolvedStrings, 'language' | 'dir'>;

const COLOR = /^#[0-9a-f]{3,8}$/i;
const MODES = ['light', 'dark', 'auto'];

/**
 * Styles a shadow root through a constructable stylesheet: no `<style>` element and no `style`
 * attribute, so the widget needs no `'unsafe-inline'` under a strict CSP. The accent colour comes
 * from config, so only a hex colour is let through.
 */
export function adoptStyles(root: ShadowRoot, css: string, accent?: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    accent && COLOR.test(accent) ? `${css}\n:host{--assent-accent:${accent}}` : css,
  );
  root.adoptedStyleSheets = [sheet];
}

/**
 * A widget host: kept out of search snippets, in the language and direction of its strings, in
 * the configured theme (`data-theme`, read by widget.css), with an open shadow root.
 */
export function createHost(
  id: string,
  config: SiteConfig,
  strings: HostStrings,
): { host: HTMLElement; shadow: ShadowRoot } {
  const host = document.createElement('div');
  host.id = id;
  // Search engines must not index the widget as the page's text.
  host.setAttribute('data-nosnippet', '');
  applyLanguage(host, config, strings);
  return { host, shadow: host.attachShadow({ mode: 'open' }) };
}

/** Language, direction and theme of a host (also of an inline `<assent-preferences>`). */
export function applyLanguage(host: Element, config: SiteConfig, strings: HostStrings): void {
  host.setAttribute('lang', strings.language);
  host.setAttribute('dir', strings.dir);
  const mode = config.theme?.mode;
  host.setAttribute('data-theme', mode && MODES.includes(mode) ? mode : 'auto');
}
