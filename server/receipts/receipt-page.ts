import type { GppReceipt, Named, TcfReceipt } from './iab-proof.ts';
import type { ConsentReceipt } from './receipt.ts';

/** Where the page's stylesheet is served: the page has no inline style (strict CSP). */
export const RECEIPT_CSS_PATH = '/receipt-v1/receipt.css';

/** The page's policy: nothing runs, only the server's own stylesheet loads. */
export const RECEIPT_CSP =
  "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const RECEIPT_CSS = `
:root { color-scheme: light; font: 15px/1.5 system-ui, sans-serif; color: #1b1f24; }
body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.1rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dt { color: #57606a; }
dd { margin: 0; overflow-wrap: anywhere; }
code, .hash { font-family: ui-monospace, monospace; font-size: .85rem; overflow-wrap: anywhere; }
.notice { border: 2px solid #1f5f8b; border-radius: 8px; padding: 1rem 1.25rem; background: #f6f8fa; }
.notice h3 { margin: 0 0 .5rem; font-size: 1.15rem; }
.notice ul { padding-left: 1.2rem; }
.buttons { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .75rem; }
.button { border: 1px solid #1f5f8b; border-radius: 6px; padding: .3rem .8rem; background: #fff; }
.warning { border-left: 4px solid #bf8700; padding: .5rem .75rem; background: #fff8c5; }
.ok { color: #1a7f37; font-weight: 600; }
.bad { color: #cf222e; font-weight: 600; }
.muted { color: #57606a; }
@media print { body { margin: 0; } .notice { break-inside: avoid; } }
`;

const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );

function list(entries: [string, unknown][]): string {
  const rows = entries
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`);
  return `<dl>${rows.join('')}</dl>`;
}

function noticeSection(receipt: ConsentReceipt): string {
  const notice = receipt.notice;
  if (!notice) {
    return `<h2>Notice shown</h2><p class="muted">This event names no notice snapshot (it was recorded ${
      receipt.proof?.surface
        ? `through the ${escapeHtml(receipt.proof.surface)} surface`
        : 'by a server'
    }, or before Assent kept snapshots).</p>`;
  }
  const { content } = notice;
  const texts = content.texts;
  const known = new Set(['title', 'description', 'intro', ...content.buttons]);
  const other = Object.entries(texts).filter(([name]) => !known.has(name));
  const types = content.types
    .map(
      (type) =>
        `<li><strong>${escapeHtml(type.name)}</strong> <span class="muted">(${escapeHtml(
          type.label,
        )}, version ${escapeHtml(type.version)}${type.required ? ', required' : ''})</span>${
          type.description ? `<br>${escapeHtml(type.description)}` : ''
        }${type.url ? `<br><span class="muted">${escapeHtml(type.url)}</span>` : ''}</li>`,
    )
    .join('');
  const buttons = content.buttons
    .map((name) => `<span class="button">${escapeHtml(texts[name] ?? name)}</span>`)
    .join('');
  const problems = notice.problems.length
    ? `<p class="warning">When the server received this notice it did not match the project’s configuration: ${escapeHtml(
        notice.problems.join('; '),
      )}.</p>`
    : '';
  return `<h2>Notice shown</h2>
<p class="muted">As the ${escapeHtml(content.surface)} showed it, in <code>${escapeHtml(
    content.language,
  )}</code>; first received ${escapeHtml(notice.firstSeen)}.</p>
${problems}
<div class="notice" lang="${escapeHtml(content.language)}">
${texts.title ? `<h3>${escapeHtml(texts.title)}</h3>` : ''}
${texts.description ? `<p>${escapeHtml(texts.description)}</p>` : ''}
${texts.intro ? `<p>${escapeHtml(texts.intro)}</p>` : ''}
${types ? `<ul>${types}</ul>` : ''}
${other.map(([name, text]) => `<p><span class="muted">${escapeHtml(name)}:</span> ${escapeHtml(text)}</p>`).join('')}
<div class="buttons">${buttons}</div>
</div>
<p>Notice hash (SHA-256): <span class="hash">${escapeHtml(notice.hash)}</span></p>`;
}

/** `1 Store and/or access information on a device; 2 …`, or `none`. */
const namedList = (items: Named[] | undefined) =>
  items?.length
    ? items.map((item) => (item.name ? `${item.id} ${item.name}` : String(item.id))).join('; ')
    : 'none';

function tcfSection(tcf: TcfReceipt | undefined): string {
  if (!tcf) return '';
  const ac = tcf.additionalConsent;
  const head = `<h2>IAB TCF choices</h2>
<p class="muted">The TC string the decision produced, decoded with the IAB’s <code>@iabtechlabtcf/core</code>${
    tcf.namedWithVendorListVersion !== undefined
      ? `; names from the Global Vendor List version ${escapeHtml(tcf.namedWithVendorListVersion)}`
      : ''
  }.</p>`;
  const string = `<p>TC string: <span class="hash">${escapeHtml(tcf.tcString)}</span></p>`;
  if (tcf.problem) {
    return `${head}<p class="bad">It does not decode: ${escapeHtml(tcf.problem)}.</p>${string}`;
  }
  return `${head}
${list([
  ['CMP', `${tcf.cmpId} (version ${tcf.cmpVersion})`],
  ['TCF policy version', tcf.policyVersion],
  ['Vendor list version', tcf.vendorListVersion],
  ['Created', tcf.created],
  ['Last updated', tcf.lastUpdated],
  ['Language', tcf.consentLanguage],
  ['Publisher country', tcf.publisherCountryCode],
  ['Screen', tcf.consentScreen === 2 ? '2 (preference center)' : tcf.consentScreen],
  ['Purposes consented', namedList(tcf.purposeConsents)],
  ['Purposes on legitimate interest, not objected to', namedList(tcf.purposeLegitimateInterests)],
  ['Special features opted in', namedList(tcf.specialFeatureOptins)],
  ['Vendors consented', namedList(tcf.vendorConsents)],
  ['Vendors on legitimate interest, not objected to', namedList(tcf.vendorLegitimateInterests)],
  ['Vendors disclosed', namedList(tcf.vendorsDisclosed)],
  [
    'Google providers (Additional Consent)',
    ac
      ? `consented: ${ac.consented.join(', ') || 'none'}; disclosed: ${ac.disclosed.join(', ') || 'none'}`
      : undefined,
  ],
])}
${string}`;
}

function gppSection(gpp: GppReceipt | undefined): string {
  if (!gpp) return '';
  const string = `<p>GPP string: <span class="hash">${escapeHtml(gpp.gppString)}</span></p>`;
  if (gpp.problem) {
    return `<h2>IAB GPP signals</h2><p class="bad">It does not decode: ${escapeHtml(gpp.problem)}.</p>${string}`;
  }
  const sections = (gpp.sections ?? [])
    .map(
      (section) =>
        `<h3>${escapeHtml(section.name)} <span class="muted">(section ${escapeHtml(section.id)})</span></h3>
${list(
  Object.entries(section.fields).map(([name, value]) => [
    name,
    Array.isArray(value) ? value.join(', ') : value,
  ]),
)}`,
    )
    .join('\n');
  return `<h2>IAB GPP signals</h2>
<p class="muted">The GPP string in force when the event was made, decoded with the IAB’s <code>@iabgpp/cmpapi</code>${
    gpp.applicableSections?.length
      ? `; in force for the person: ${escapeHtml(
          gpp.applicableSections
            .map((item) => (item.name ? `${item.name} (${item.id})` : String(item.id)))
            .join(', '),
        )}`
      : ''
  }.</p>
${sections}
${string}`;
}

/** What the receipt says of an opt-out preference signal (issue 21). */
function signalHonoured(receipt: ConsentReceipt): string | undefined {
  const honoured = receipt.proof?.signals?.gpcHonoured;
  if (honoured === undefined) return undefined;
  return honoured
    ? 'honoured: a purpose stood declined by the signal when this event was made'
    : 'not applied: nothing stood declined by the signal (the person opted in, or no purpose is a sale or sharing here)';
}

/** The printable receipt: plain HTML, every value escaped, no script and no inline style. */
export function renderReceiptPage(receipt: ConsentReceipt): string {
  const { event, proof, chain } = receipt;
  const identifiers: [string, unknown][] = [
    ['Visitor id', event.concordId],
    ['User id', event.userId],
    ['Email', event.email],
    ['Phone', event.phoneNumber],
    ['Site user id', event.projectUserId],
    ['Geography', event.session?.geography],
    ['Site', event.session?.domain],
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Consent receipt ${escapeHtml(event.id)}</title>
<link rel="stylesheet" href="${RECEIPT_CSS_PATH}">
</head>
<body>
<h1>Consent receipt</h1>
<p class="muted">Event <code>${escapeHtml(event.id)}</code>, issued ${escapeHtml(receipt.issuedAt)}. Print this page with your browser to keep it.</p>
<h2>Who</h2>
${list(identifiers)}
<h2>What</h2>
${list([
  ['Consent', receipt.consentType?.name ?? event.label],
  ['Label', event.label],
  ['Version', event.version],
  ['State', event.consentState],
  ['How', event.consentAction],
  ['Surface', proof?.surface],
  ['Language', proof?.language],
  [
    'Global Privacy Control',
    proof?.signals?.gpc === undefined ? undefined : proof.signals.gpc ? 'on' : 'off',
  ],
  ['Opt-out preference signal', signalHonoured(receipt)],
])}
<h2>When</h2>
${list([
  ['Decided', event.consentDate],
  ['Valid until', event.expirationDate],
  ['Recorded', event.dateCreated],
])}
${noticeSection(receipt)}
${tcfSection(receipt.tcf)}
${gppSection(receipt.gpp)}
<h2>Chain</h2>
${list([
  ['Position', chain.seq],
  ['Previous hash', chain.prevHash ?? 'none (recorded before the chain)'],
  ['Row hash', chain.rowHash ?? 'none'],
  ['Chain head', chain.head ? `${chain.head.seq} · ${chain.head.hash}` : undefined],
])}
<p class="${chain.rowVerified ? 'ok' : 'bad'}">${
    chain.rowVerified
      ? 'The row’s content gives its hash.'
      : 'The row’s content does not give its hash.'
  }</p>
<h2>How to verify</h2>
<ol>${receipt.verify.map((step) => `<li>${escapeHtml(step)}</li>`).join('')}</ol>
<p>Hashed content:</p>
<p><code>${escapeHtml(chain.content)}</code></p>
</body>
</html>
`;
}
