import type { ConsentType, Decision, NoticeTexts } from '../../src/core/types.ts';
import { escapeHtml as e } from './html.ts';
import { fill, linkTexts } from './link-texts.ts';
import { formatDate } from './link-mail.ts';
import { languageName, pageDirection, PAGE_LANGUAGES } from './page-language.ts';

/** The page's CSP: nothing inline, nothing from elsewhere, never framed. */
export const LINK_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const LINK_PAGE_CSS_PATH = '/api/consent/link-page.css';

function shell(language: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${e(language)}" dir="${pageDirection(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>${e(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${LINK_PAGE_CSS_PATH}">
</head>
<body>
${body}
</body>
</html>
`;
}

export interface LinkPageInput {
  organization: string;
  collectionPoint: string;
  language: string;
  action: string;
  expiresAt: Date;
  types: ConsentType[];
  decisions: Record<string, Decision>;
  texts: Record<string, NoticeTexts>;
  defaultLanguage: string;
  accent?: string | undefined;
  saved: boolean;
}

/**
 * The hosted consent-link page: the organization, the language switcher (a plain form, it works
 * without script), and a container the widget's preference center renders into
 * (`/assent/link-page.js` imports `preferences.js`), fed by a JSON data block.
 */
export function renderLinkPage(input: LinkPageInput): string {
  const texts = linkTexts(input.language);
  const until = fill(texts.changeUntil, { date: formatDate(input.expiresAt, input.language) });
  const options = PAGE_LANGUAGES.map(
    (code) =>
      `<option value="${code}"${code === input.language ? ' selected' : ''} lang="${code}">${e(languageName(code))}</option>`,
  ).join('');
  const data = {
    types: input.types,
    decisions: input.decisions,
    texts: input.texts,
    defaultLanguage: input.defaultLanguage,
    language: input.language,
    ...(input.accent && { accent: input.accent }),
    action: input.action,
    failed: 'Your choice could not be saved. Try again.',
  };
  // `<` escaped: the data can never close its script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return shell(
    input.language,
    `${input.organization}: ${input.collectionPoint}`,
    `<header class="top">
<p class="organization">${e(input.organization)}</p>
<form class="language" method="get" action="${e(input.action)}">
<label for="lang">${e(texts.language)}</label>
<select id="lang" name="lang">${options}</select>
<button type="submit">OK</button>
</form>
</header>
<main>
<h1>${e(input.collectionPoint)}</h1>
<p class="until">${e(until)}</p>
<p id="assent-link-status" class="status" role="status">${input.saved ? e(texts.saved) : ''}</p>
<div id="assent-link-center" class="center"></div>
<noscript><p>${e(texts.nothingYet)}</p></noscript>
</main>
<script type="application/json" id="assent-link-data">${json}</script>
<script type="module" src="/assent/link-page.js"></script>`,
  );
}

/** The 410 and 404 pages: what happened and whom to ask. */
export function renderMessagePage(
  kind: 'expired' | 'not-found',
  language: string,
  organization?: string,
): string {
  const texts = linkTexts(language);
  const title = kind === 'expired' ? texts.expiredTitle : texts.notFoundTitle;
  const body =
    kind === 'expired'
      ? fill(texts.expiredBody, { organization: organization ?? '' })
      : texts.notFoundBody;
  return shell(
    language,
    title,
    `<main class="message">
${organization ? `<p class="organization">${e(organization)}</p>` : ''}
<h1>${e(title)}</h1>
<p>${e(body)}</p>
</main>`,
  );
}

/** The page's own styles, served from `LINK_PAGE_CSS_PATH` (no inline style under the CSP). */
export const LINK_PAGE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;
  line-height:1.5;color:#1f2937;background:#f3f4f6}
body{margin:0;padding:0 16px 48px}
.top{max-width:720px;margin:0 auto;padding:16px 0;display:flex;flex-wrap:wrap;gap:12px;
  align-items:center;justify-content:space-between}
.organization{margin:0;font-weight:700;font-size:1.125rem;color:#1f5f8b}
.language{display:flex;gap:8px;align-items:center;font-size:.9375rem}
.language select,.language button{font:inherit;padding:6px 10px;border:1px solid #6b7280;
  border-radius:6px;background:#fff;color:#111827}
.language button{cursor:pointer}
:focus-visible{outline:3px solid #1f5f8b;outline-offset:2px}
main{max-width:720px;margin:0 auto;background:#fff;border-radius:12px;padding:24px;
  box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{margin:0 0 4px;font-size:1.5rem;line-height:1.25;color:#111827}
.until{margin:0 0 8px;color:#374151}
.status{min-height:1.5em;margin:0 0 8px;font-weight:600;color:#166534}
.message{text-align:center;margin-top:10vh}
@media (max-width:480px){main{padding:16px}h1{font-size:1.25rem}}
`;
