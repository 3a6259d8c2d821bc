import { placeholderText, type GateTexts, type TextPart } from './gate-text.ts';
import { withApi } from './with-api.ts';

/** The placeholder's strings in the visitor's language, with that language's tag and direction. */
export interface LocalizedGateTexts extends GateTexts {
  language: string;
  dir: 'ltr' | 'rtl';
}

/** Plain DOM and CSS: the element ships in a small bundle of its own, without a UI framework. */
const CSS =
  ':host{display:block}.placeholder{box-sizing:border-box;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:12px;min-height:180px;height:100%;padding:20px;border:1px dashed #8a8a94;border-radius:10px;background:#f4f4f6;color:#1d1d1f;font:15px/1.5 system-ui,sans-serif;text-align:center}.placeholder p{margin:0;max-width:36em}button{min-height:44px;padding:8px 18px;border:2px solid #1f5f8b;border-radius:8px;background:#1f5f8b;color:#fff;font:inherit;font-weight:600;cursor:pointer}button:focus-visible{outline:3px solid #1d1d1f;outline-offset:2px}';

let sheet: CSSStyleSheet | undefined;

function styles(root: ShadowRoot) {
  try {
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // No constructable stylesheets (old browsers): the placeholder still works, unstyled.
  }
}

/**
 * Translated text as it is; a value put into it (a site's label, a consent's name) isolated in
 * its own direction (`<bdi>`, or `<strong dir="auto">` for the consent named in bold).
 */
function isolated(part: TextPart, strong = false): Node | string {
  if (!part.field) return part.text;
  const made = document.createElement(strong ? 'strong' : 'bdi');
  if (strong) made.dir = 'auto';
  made.textContent = part.text;
  return made;
}

/**
 * `<assent-gate consent="marketing">` around a `<template>`: a placeholder naming the content and
 * the consent it needs, with a button that accepts that consent; the template's content replaces
 * it once every named consent is allowed (at once when it already is). `texts` gives the
 * placeholder's strings in the visitor's language; until they are there (and if they never come)
 * the placeholder is an empty box and the content stays inert. `accept` is what the button does
 * (the gate bundle records the choice with surface `gate`); `assent.accept` without it.
 */
export function gateElement(
  texts: () => Promise<LocalizedGateTexts>,
  accept?: (labels: string[]) => unknown,
): CustomElementConstructor {
  return class AssentGate extends HTMLElement {
    #loaded = false;
    #off: (() => void) | undefined;
    /** What the placeholder's button does once the API is there. */
    #accept: (() => void) | undefined;

    get loaded(): boolean {
      return this.#loaded;
    }

    connectedCallback(): void {
      const labels = (this.getAttribute('consent') ?? '').split(/\s+/).filter(Boolean);
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      styles(root);
      if (!this.#loaded) this.#placeholder(root, labels);
      // Upgraded as the parser meets it, before its `<template>` is parsed: wait for the
      // document, or an already allowed consent would load nothing.
      if (document.readyState === 'loading' && !this.querySelector('template')) {
        document.addEventListener('DOMContentLoaded', () => this.connectedCallback(), {
          once: true,
        });
        return;
      }
      withApi((api) => {
        if (!this.isConnected || this.#loaded) return;
        const check = () => {
          if (labels.length && labels.every((label) => api.allowed(label))) this.#load(root);
        };
        this.#off?.();
        this.#off = api.on('change', check);
        check();
        void api.ready.then(check);
        this.#accept = () => void (accept ?? api.accept)(labels);
      });
    }

    disconnectedCallback(): void {
      this.#off?.();
      this.#off = undefined;
    }

    #placeholder(root: ShadowRoot, labels: string[]) {
      const box = document.createElement('div');
      box.className = 'placeholder';
      root.replaceChildren(box);
      void texts().then(
        (strings) => {
          if (this.#loaded || box.parentNode !== root) return;
          const template = this.querySelector('template');
          const what =
            this.getAttribute('label') ||
            template?.content.firstElementChild?.getAttribute('title');
          const { sentence, button: label } = placeholderText(strings, what, labels);
          // The language is the placeholder's, not the element's: the content it loads keeps
          // the page's language.
          box.lang = strings.language;
          box.dir = strings.dir;
          box.setAttribute('role', 'group');
          box.setAttribute('aria-label', what || strings.content);
          const button = document.createElement('button');
          button.type = 'button';
          button.append(...label.map((part) => isolated(part)));
          button.addEventListener('click', () => this.#accept?.());
          const text = document.createElement('p');
          text.append(...sentence.map((part) => isolated(part, part.field === 'consent')));
          box.append(text, button);
        },
        // No strings: an empty placeholder, and the content stays inert (fail closed).
        () => {},
      );
    }

    #load(root: ShadowRoot) {
      if (this.#loaded) return;
      this.#loaded = true;
      this.#off?.();
      // The template's content was inert; cloned into the page it loads (an iframe starts loading).
      for (const template of Array.from(this.querySelectorAll(':scope > template'))) {
        template.replaceWith((template as HTMLTemplateElement).content.cloneNode(true));
      }
      root.replaceChildren(document.createElement('slot'));
    }
  };
}
