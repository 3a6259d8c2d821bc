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
/** Scripts activated whose load the next one waits for: with none, the next starts at once. */
let waiting = 0;

interface ScriptPolicy {
  createScript(text: string): string;
  createScriptURL(url: string): string;
}
let policy: ScriptPolicy | null | undefined;

/**
 * The `assent` Trusted Types policy, created once, on first use, where the browser has Trusted
 * Types: under `require-trusted-types-for 'script'` a plain string in a script's `src` or text
 * is a TypeError (issue 22 §5). A site allows it with `trusted-types assent`. It passes the
 * site's own markup through unchanged: this is the one place that activates scripts, and only
 * what the site wrote as gated markup. Without the policy (no Trusted Types, or a CSP that does
 * not allow the name) strings are used, which the browser then allows or blocks.
 */
function scriptPolicy(): ScriptPolicy | null {
  if (policy === undefined) {
    const factory = (
      window as { trustedTypes?: { createPolicy(name: string, rules: ScriptPolicy): ScriptPolicy } }
    ).trustedTypes;
    try {
      policy =
        factory?.createPolicy('assent', { createScript: (s) => s, createScriptURL: (s) => s }) ??
        null;
    } catch {
      policy = null;
    }
  }
  return policy;
}

function activateScript(inert: HTMLScriptElement, pageNonce: string | undefined): Promise<void> {
  const script = document.createElement('script');
  const trusted = scriptPolicy();
  for (const { name, value } of Array.from(inert.attributes)) {
    if (name !== 'type' && name !== DONE && name !== 'data-type')
      script.setAttribute(name, name === 'src' && trusted ? trusted.createScriptURL(value) : value);
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
  if (!inert.src) script.text = trusted ? trusted.createScript(inert.text) : inert.text;
  inert.replaceWith(script);
  return done;
}

function activate(element: Element, pageNonce: string | undefined): void {
  if (element instanceof HTMLScriptElement) {
    // With nothing before it, it starts now, not a microtask later behind the rest of a click's
    // work. A script the page's CSP blocks (the browser says so in the console) holds up no other.
    const run = () => activateScript(element, pageNonce);
    queue = (waiting++ ? queue.then(run) : new Promise<void>((resolve) => resolve(run())))
      .catch(() => {})
      .then(() => void waiting--);
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
const WATCHED = `${SELECTOR},assent-gate,assent-request`;

const isGated = (node: Node) =>
  node instanceof Element && (node.matches(WATCHED) || !!node.querySelector(WATCHED));

/**
 * Calls `apply` whenever gated markup (`<assent-gate>`, `<assent-request>` too) is added to the document, by the
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
