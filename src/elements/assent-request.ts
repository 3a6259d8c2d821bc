/** The kinds of request a visitor may file (the server's `privacy-requests` kinds). */
export const REQUEST_KINDS = ['access', 'export', 'correct', 'delete', 'opt_out'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** The form's strings in one language (src/ui/i18n/locales/*.ts, `request`). */
export interface RequestTexts {
  /** The preference center's link that opens the form. */
  link: string;
  title: string;
  intro: string;
  kind: string;
  kinds: Record<RequestKind, string>;
  email: string;
  send: string;
  /** After sending: a code is on its way. */
  codeSent: string;
  code: string;
  confirm: string;
  /** `{date}`: the date the site must answer by. */
  done: string;
  badEmail: string;
  badCode: string;
  failed: string;
}

export interface LocalizedRequestTexts extends RequestTexts {
  language: string;
  dir: 'ltr' | 'rtl';
}

/** An answer of the site API, never an exception. */
export type RequestResult =
  { ok: true; id: string; dueAt: string } | { ok: false; status: number; message: string };

/** What the element needs from the widget: its strings and the two site API calls. */
export interface RequestActions {
  texts(): Promise<LocalizedRequestTexts>;
  file(kind: RequestKind, email: string, language: string): Promise<RequestResult>;
  verify(id: string, code: string): Promise<RequestResult>;
}

const CSS =
  ':host{display:block}.box{box-sizing:border-box;max-width:34em;padding:20px;border:1px solid #c8c8d0;border-radius:10px;background:#fff;color:#1d1d1f;font:15px/1.5 system-ui,sans-serif}h2{margin:0 0 8px;font-size:1.25em}p{margin:0 0 12px}fieldset{margin:0 0 14px;padding:0;border:0}legend{margin-bottom:6px;font-weight:600}.kind{display:flex;align-items:center;gap:8px;min-height:32px}label.field{display:block;margin-bottom:4px;font-weight:600}input[type=email],input.code{box-sizing:border-box;width:100%;min-height:44px;padding:8px 10px;border:1px solid #6b6b75;border-radius:6px;font:inherit}input[aria-invalid=true]{border-color:#b3261e}.error{min-height:1.5em;margin:4px 0 10px;color:#b3261e;font-size:.93em}button{min-height:44px;padding:8px 18px;border:2px solid #1f5f8b;border-radius:8px;background:#1f5f8b;color:#fff;font:inherit;font-weight:600;cursor:pointer}button:disabled{opacity:.6;cursor:progress}:focus-visible{outline:3px solid #1d1d1f;outline-offset:2px}.done{font-weight:600}';

let sheet: CSSStyleSheet | undefined;
let count = 0;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) made.setAttribute(name, value!);
  made.append(...children);
  return made;
}

/** A field's error: shown under it, announced (`role="alert"`), tied to it for screen readers. */
function showError(input: HTMLInputElement, error: HTMLElement, message: string) {
  error.textContent = message;
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/**
 * `<assent-request>`: a visitor asks to see, export, correct or delete their data, or to stop its
 * sale or sharing. Two steps in the element's shadow root: the kind and an email, then the
 * six-digit code mailed to that email. Plain DOM, no UI framework; `actions` does the rest.
 */
export function requestElement(actions: RequestActions): CustomElementConstructor {
  return class AssentRequest extends HTMLElement {
    connectedCallback(): void {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      try {
        if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(CSS);
        root.adoptedStyleSheets = [sheet];
      } catch {
        // No constructable stylesheets: the form still works, unstyled.
      }
      void actions.texts().then(
        (texts) => this.#form(root, texts),
        () => {},
      );
    }

    #form(root: ShadowRoot, t: LocalizedRequestTexts) {
      const id = `assent-request-${++count}`;
      const box = el('div', { class: 'box', lang: t.language, dir: t.dir, part: 'box' });
      const title = el('h2', { id: `${id}-title` }, t.title);
      const kinds = el('fieldset', {}, el('legend', {}, t.kind));
      for (const [index, kind] of REQUEST_KINDS.entries()) {
        const radio = el('input', {
          type: 'radio',
          name: 'kind',
          value: kind,
          id: `${id}-${kind}`,
        });
        if (index === 0) radio.checked = true;
        kinds.append(
          el('div', { class: 'kind' }, radio, el('label', { for: `${id}-${kind}` }, t.kinds[kind])),
        );
      }
      const email = el('input', {
        type: 'email',
        id: `${id}-email`,
        name: 'email',
        autocomplete: 'email',
        required: '',
        'aria-describedby': `${id}-email-error`,
      });
      const emailError = el('p', { class: 'error', id: `${id}-email-error`, role: 'alert' });
      const send = el('button', { type: 'submit' }, t.send);
      const form = el(
        'form',
        { novalidate: '', 'aria-labelledby': `${id}-title` },
        title,
        el('p', {}, t.intro),
        kinds,
        el('label', { class: 'field', for: `${id}-email` }, t.email),
        email,
        emailError,
        send,
      );
      box.append(form);
      root.replaceChildren(box);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const address = email.value.trim();
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
          showError(email, emailError, t.badEmail);
          email.focus();
          return;
        }
        showError(email, emailError, '');
        const kind = (form.querySelector('input[name=kind]:checked') as HTMLInputElement)
          .value as RequestKind;
        send.disabled = true;
        void actions.file(kind, address, t.language).then((result) => {
          send.disabled = false;
          if (!result.ok) {
            showError(email, emailError, result.status === 400 ? t.badEmail : t.failed);
            return;
          }
          this.#code(box, t, id, result.id);
        });
      });
    }

    #code(box: HTMLElement, t: LocalizedRequestTexts, id: string, requestId: string) {
      const sent = el('p', { tabindex: '-1', role: 'status' }, t.codeSent);
      const code = el('input', {
        class: 'code',
        id: `${id}-code`,
        name: 'code',
        inputmode: 'numeric',
        autocomplete: 'one-time-code',
        maxlength: '6',
        required: '',
        'aria-describedby': `${id}-code-error`,
      });
      const codeError = el('p', { class: 'error', id: `${id}-code-error`, role: 'alert' });
      const confirm = el('button', { type: 'submit' }, t.confirm);
      const form = el(
        'form',
        { novalidate: '', 'aria-labelledby': `${id}-title` },
        el('h2', { id: `${id}-title` }, t.title),
        sent,
        el('label', { class: 'field', for: `${id}-code` }, t.code),
        code,
        codeError,
        confirm,
      );
      box.replaceChildren(form);
      code.focus();
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const value = code.value.replace(/\s/g, '');
        if (!/^[0-9]{6}$/.test(value)) {
          showError(code, codeError, t.badCode);
          code.focus();
          return;
        }
        confirm.disabled = true;
        void actions.verify(requestId, value).then((result) => {
          confirm.disabled = false;
          if (!result.ok) {
            showError(code, codeError, result.status === 400 ? t.badCode : t.failed);
            code.focus();
            return;
          }
          const date = new Intl.DateTimeFormat(t.language, { dateStyle: 'long' }).format(
            new Date(result.dueAt),
          );
          const done = el(
            'p',
            { class: 'done', role: 'status', tabindex: '-1' },
            t.done.replace('{date}', date),
          );
          box.replaceChildren(el('h2', {}, t.title), done);
          done.focus();
          this.dispatchEvent(
            new CustomEvent('assent-request', { detail: { id: requestId }, bubbles: true }),
          );
        });
      });
    }
  };
}
