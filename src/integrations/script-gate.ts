/**
 * Script and iframe gating: markup the site made inert (`<script type="text/plain"
 * data-consent="…">`, `<iframe data-consent="…" data-src="…">`) comes to life once every consent
 * it names is allowed, exactly once, scripts in document order.
 */

const DONE = 'data-assent-done';
const SELECTOR = `script[type="text/plain"][data-consent]:not([${DONE}]),iframe[data-consent][data-src]:not([${DONE}])`;

/** Each activation waits for the one before it, so external scripts run in document order. */
let queue: Promise<void> = Promise.resolve();

function labelsOf(element: Element): string[] {
  return (element.getAttribute('data-consent') ?? '').split(/\s+/).filter(Boolean);
}

function activateScript(inert: HTMLScriptElement): Promise<void> {
  const script = document.createElement('script');
  for (const { name, value } of Array.from(inert.attributes)) {
    if (name !== 'type' && name !== DONE && name !== 'data-type') script.setAttribute(name, value);
  }
  const type = inert.getAttribute('data-type');
  if (type) script.type = type;
  // The nonce attribute reads empty once parsed (nonce hiding); the property keeps it.
  if (inert.nonce) script.nonce = inert.nonce;
  // Inserted scripts are async by default; keep a site's explicit `async` only.
  script.async = inert.hasAttribute('async');
  const done = new Promise<void>((resolve) => {
    if (!inert.src) return resolve();
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => resolve());
  });
  if (!inert.src) script.text = inert.text;
  inert.replaceWith(script);
  return done;
}

/**
 * Activates every gated element under `root` whose consents are all allowed. Returns when the
 * scripts it started have loaded (or failed).
 */
export function applyGates(
  allowed: (label: string) => boolean,
  root: ParentNode = document,
): Promise<void> {
  for (const element of Array.from(root.querySelectorAll(SELECTOR))) {
    const labels = labelsOf(element);
    if (!labels.length || !labels.every(allowed)) continue;
    // Marked before it is queued: a second call while this one waits must not take it again.
    element.setAttribute(DONE, '');
    if (element instanceof HTMLScriptElement) {
      queue = queue.then(() => activateScript(element));
    } else if (element instanceof HTMLIFrameElement) {
      element.src = element.getAttribute('data-src')!;
    }
  }
  return queue;
}
