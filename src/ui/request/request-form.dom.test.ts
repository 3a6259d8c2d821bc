import { describe, expect, it } from 'vitest';
import en from '../i18n/locales/en.ts';
import {
  requestElement,
  type RequestActions,
  type RequestResult,
} from '../../elements/assent-request.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(file: RequestResult, verify: RequestResult) {
  const calls: unknown[][] = [];
  const actions: RequestActions = {
    texts: async () => ({ ...en.request, language: 'en', dir: 'ltr' }),
    file: async (...args) => (calls.push(['file', ...args]), file),
    verify: async (...args) => (calls.push(['verify', ...args]), verify),
  };
  const name = `assent-request-${Math.random().toString(36).slice(2)}`;
  customElements.define(name, requestElement(actions));
  const element = document.createElement(name);
  document.body.append(element);
  return { root: element.shadowRoot!, element, calls };
}

const submit = (root: ShadowRoot) =>
  root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));

describe('<assent-request>', () => {
  it('files the chosen kind with the email, then confirms with the code', async () => {
    const { root, calls } = setup(
      { ok: true, id: 'r1', dueAt: '2027-01-02T00:00:00.000Z' },
      { ok: true, id: 'r1', dueAt: '2027-01-02T00:00:00.000Z' },
    );
    await settle();
    // Every control has a label.
    for (const input of root.querySelectorAll('input'))
      expect(root.querySelector(`label[for="${input.id}"]`)).not.toBeNull();
    (root.querySelector('input[value=delete]') as HTMLInputElement).checked = true;
    (root.querySelector('input[type=email]') as HTMLInputElement).value = ' ann@example.com ';
    submit(root);
    await settle();
    expect(calls).toEqual([['file', 'delete', 'ann@example.com', 'en']]);
    expect(root.textContent).toContain(en.request.codeSent);
    (root.querySelector('input.code') as HTMLInputElement).value = '123456';
    submit(root);
    await settle();
    expect(calls[1]).toEqual(['verify', 'r1', '123456']);
    expect(root.querySelector('.done')!.textContent).toContain('January 2, 2027');
  });

  it('announces a bad email and a wrong code, and sends nothing for a malformed one', async () => {
    const { root, calls } = setup(
      { ok: true, id: 'r2', dueAt: '2027-01-02T00:00:00.000Z' },
      { ok: false, status: 400, message: 'the code is not the one we sent' },
    );
    await settle();
    const email = root.querySelector('input[type=email]') as HTMLInputElement;
    email.value = 'not-an-email';
    submit(root);
    await settle();
    expect(calls).toEqual([]);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const error = root.getElementById(email.getAttribute('aria-describedby')!)!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe(en.request.badEmail);
    email.value = 'ann@example.com';
    submit(root);
    await settle();
    const code = root.querySelector('input.code') as HTMLInputElement;
    code.value = '12';
    submit(root);
    await settle();
    expect(calls).toHaveLength(1);
    code.value = '654321';
    submit(root);
    await settle();
    expect(calls).toHaveLength(2);
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(root.getElementById(code.getAttribute('aria-describedby')!)!.textContent).toBe(
      en.request.badCode,
    );
    expect(root.querySelector('.done')).toBeNull();
  });

  it('says so when the server cannot take the request', async () => {
    const { root } = setup(
      { ok: false, status: 429, message: 'too many' },
      { ok: false, status: 0, message: '' },
    );
    await settle();
    (root.querySelector('input[type=email]') as HTMLInputElement).value = 'ann@example.com';
    submit(root);
    await settle();
    expect(root.querySelector('[role=alert]')!.textContent).toBe(en.request.failed);
    expect(root.querySelector('input.code')).toBeNull();
  });
});
