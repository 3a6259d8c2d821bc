const COLOR = /^#[0-9a-f]{3,8}$/i;

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
