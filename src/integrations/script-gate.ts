/**
 * Gating: markup the site made inert comes to life once its `data-consent` condition holds,
 * exactly once. `<script type="text/plain" data-consent="…">` (inline or `src`, run in document
 * order), `<iframe data-src>`, `<img data-src data-srcset>`, `<link data-href>`.
 */
import type { ConsentState } from '../core/types.ts';
import { isConditionMet } from './consent-condition.ts';

const DONE = 'data-assent-done';
const GATED = `[data-consent]:not([${DONE}])`;
const SELECTOR = [
  `script[type="text/plain"]${GATED}`,
  `iframe[data-src]${GATED}`,
  `img[data-src]${GATED}`,
  `img[data-srcset]${GATED}`,
  `link[data-href]${GATED}`,
].join();

/** Each activation waits for the one before it, so external scripts run in document order. */
let queue: Promise<void> = Promise.resolve();

function activateScript(inert: HTMLScriptElement, pageNonce: string | undefined): Promise<void> {
  const script = document.createElement('script');
  for (const { name, value } of Array.from(inert.attributes)) {
    if (name !== 'type' && name !== DONE && name !== 'data-type') script.setAttribute(name, value);
  }
  const type = inert.getAttribute('data-type');
  if (type) script.type = type;
  // The nonce attribute reads empty once parsed (nonce hiding); the property keeps it. Without
  // one of its own the script takes the loader's, so a strict CSP page needs no 'unsafe-inline'.
  const nonce = inert.nonce || pageNonce;
  if (nonce) script.nonce = nonce;
  // Inserted scripts are async by default; keep a site's explicit `async` only.
  const async = inert.hasAttribute('async');
  script.async = async;
  const done = new Promise<void>((resolve) => {
    // An `async` script keeps nobody waiting, as it would in markup.
    if (!inert.src || async) return resolve();
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => resolve());
  });
  if (!inert.src) script.text = inert.text;
  inert.replaceWith(script);
  return done;
}

function activate(element: Element, pageNonce: string | undefined): void {
  if (element instanceof HTMLScriptElement) {
    queue = queue.then(() => activateScript(element, pageNonce));
  } else if (element instanceof HTMLLinkElement) {
    element.href = element.getAttribute('data-href')!;
  } else {
    // iframe and img: srcset first, so that the browser does not fetch `src` and then a candidate.
    const srcset = element.getAttribute('data-srcset');
    if (srcset !== null) element.setAttribute('srcset', srcset);
    const src = element.getAttribute('data-src');
    if (src !== null) element.setAttribute('src', src);
  }
}

/**
 * Activates every gated element under `root` whose `data-consent` condition holds for the
 * visitor's valid states. Returns when the scripts it started have loaded (or failed).
 */
export function applyGates(
  stateOf: (label: string) => ConsentState | undefined,
  pageNonce?: string,
  root: ParentNode = document,
): Promise<void> {
  for (const element of Array.from(root.querySelectorAll(SELECTOR))) {
    if (!isConditionMet(element.getAttribute('data-consent') ?? '', stateOf)) continue;
    // Marked before it is queued: a second call while this one waits must not take it again.
    element.setAttribute(DONE, '');
    activate(element, pageNonce);
  }
  return queue;
}

/** Gated markup: what `applyGates` activates, and `<assent-gate>` elements. */
const WATCHED = `${SELECTOR},assent-gate`;

const isGated = (node: Node) =>
  node instanceof Element && (node.matches(WATCHED) || !!node.querySelector(WATCHED));

/**
 * Calls `apply` whenever gated markup (`<assent-gate>` too) is added to the document, by the
 * parser or by a script: embeds inserted by JavaScript are gated like those in the page's source.
 * Returns a function that stops watching.
 */
export function observeGates(apply: () => void): () => void {
  if (typeof MutationObserver !== 'function') return () => {};
  const observer = new MutationObserver((records) => {
    if (records.some((record) => Array.from(record.addedNodes).some(isGated))) apply();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  return () => observer.disconnect();
}
