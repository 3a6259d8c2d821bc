import { afterEach, describe, expect, it } from 'vitest';
import { applyGates } from './script-gate.ts';

const accepted = () => 'accepted' as const;

afterEach(() => {
  document.body.innerHTML = '';
});

/** The scripts `applyGates` made live (an inert one has `type="text/plain"`). */
const live = () =>
  Array.from(document.querySelectorAll('script'))
    .filter((script) => !script.type)
    .map((script) => script.getAttribute('src'));

describe('applyGates', () => {
  it('starts the first script in the call itself, not a microtask later', () => {
    document.body.innerHTML =
      '<script type="text/plain" data-consent="analytics" src="/a.js"></script>';
    void applyGates(accepted);
    // Nothing awaited: a click's other synchronous work must not hold the download back.
    expect(live()).toEqual(['/a.js']);
  });

  it('starts the next script only once the one before it has loaded, in document order', async () => {
    document.body.innerHTML =
      '<script type="text/plain" data-consent="analytics" src="/a.js"></script>' +
      '<script type="text/plain" data-consent="analytics" src="/b.js"></script>';
    const done = applyGates(accepted);
    expect(live()).toEqual(['/a.js']);
    await Promise.resolve();
    expect(live()).toEqual(['/a.js']);
    document.querySelector('script[src="/a.js"]')!.dispatchEvent(new Event('load'));
    await new Promise((resolve) => setTimeout(resolve));
    expect(live()).toEqual(['/a.js', '/b.js']);
    document.querySelector('script[src="/b.js"]')!.dispatchEvent(new Event('error'));
    await done;
    // Idle again: the next activation starts at once.
    document.body.insertAdjacentHTML(
      'beforeend',
      '<script type="text/plain" data-consent="analytics" src="/c.js"></script>',
    );
    void applyGates(accepted);
    expect(live()).toEqual(['/a.js', '/b.js', '/c.js']);
  });

  it('keeps a script whose activation throws from holding up the next', async () => {
    document.body.innerHTML =
      '<script type="text/plain" data-consent="analytics" src="/a.js"></script>';
    const inert = document.querySelector('script')!;
    inert.replaceWith = () => {
      throw new TypeError('blocked');
    };
    await expect(applyGates(accepted)).resolves.toBeUndefined();
    document.body.innerHTML =
      '<script type="text/plain" data-consent="analytics" src="/b.js"></script>';
    void applyGates(accepted);
    expect(live()).toEqual(['/b.js']);
  });

  it('leaves a script whose condition does not hold inert', () => {
    document.body.innerHTML =
      '<script type="text/plain" data-consent="marketing" src="/m.js"></script>';
    void applyGates((label) => (label === 'marketing' ? 'declined' : 'accepted'));
    expect(live()).toEqual([]);
  });
});
