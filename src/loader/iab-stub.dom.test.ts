import { afterEach, describe, expect, it, vi } from 'vitest';
import { installGppStub, removeGppStub } from './gpp-stub.ts';
import { installTcfStub, removeTcfStub } from './tcf-stub.ts';

const frame = (name: string) => document.querySelector(`iframe[name="${name}"]`);

/** A call from an iframe, as a vendor's script there sends it; the answers it gets. */
function fromFrame(data: unknown): unknown[] {
  const answers: unknown[] = [];
  const source = { postMessage: (message: unknown) => answers.push(message) };
  window.dispatchEvent(new MessageEvent('message', { data, source: source as unknown as Window }));
  return answers;
}

afterEach(() => {
  removeTcfStub();
  removeGppStub();
  delete window.__tcfapi;
  delete window.__gpp;
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('the IAB stubs', () => {
  it('__tcfapi: answers ping at once, queues the rest, adds the locator, proxies iframe calls', () => {
    installTcfStub();
    const pings: unknown[] = [];
    window.__tcfapi!('ping', 2, (value: unknown, success: boolean) => pings.push([value, success]));
    expect(pings).toEqual([[{ cmpLoaded: false, cmpStatus: 'loading', apiVersion: '2.3' }, true]]);
    window.__tcfapi!('getTCData', 2, () => {});
    expect(window.__tcfapi!()).toHaveLength(1);
    expect(frame('__tcfapiLocator')).not.toBeNull();
    const answers = fromFrame(
      JSON.stringify({ __tcfapiCall: { command: 'ping', version: 2, callId: 'a' } }),
    );
    expect(answers.map((answer) => JSON.parse(answer as string))).toEqual([
      {
        __tcfapiReturn: {
          returnValue: { cmpLoaded: false, cmpStatus: 'loading', apiVersion: '2.3' },
          success: true,
          callId: 'a',
        },
      },
    ]);
  });

  it('__gpp: its own argument order, from the page and from an iframe', () => {
    installGppStub();
    const pings: unknown[] = [];
    window.__gpp!('ping', (data) => pings.push(data));
    expect(pings).toMatchObject([{ gppVersion: '1.1', cmpStatus: 'stub' }]);
    window.__gpp!('getSection', () => {}, 'usnat');
    expect(window.__gpp!()).toEqual([['getSection', expect.any(Function), 'usnat']]);
    const answers = fromFrame({
      __gppCall: { command: 'getField', parameter: 'usnat.Version', version: '1.1', callId: 3 },
    });
    // Queued, as on the page: the bundle answers it once it takes over.
    expect(answers).toEqual([]);
    const queued = window.__gpp!() as unknown[][];
    expect(queued[1]).toEqual(['getField', expect.any(Function), 'usnat.Version', '1.1']);
    (queued[1]![1] as (data: unknown, success: boolean) => void)(2, true);
    expect(answers).toEqual([{ __gppReturn: { returnValue: 2, success: true, callId: 3 } }]);
  });

  it('goes again when the config says no: function, frame and listener, queued calls told no', () => {
    vi.useFakeTimers();
    installTcfStub();
    installGppStub();
    const told: unknown[] = [];
    window.__tcfapi!('addEventListener', 2, (value: unknown, success: boolean) =>
      told.push(['tcf', value, success]),
    );
    window.__gpp!('addEventListener', (data, success) => told.push(['gpp', data, success]));
    window.__tcfapi!('getTCData', 2, () => {
      throw new Error('a vendor bug');
    });
    removeTcfStub();
    removeGppStub();
    expect(window.__tcfapi).toBeUndefined();
    expect(window.__gpp).toBeUndefined();
    expect(frame('__tcfapiLocator')).toBeNull();
    expect(frame('__gppLocator')).toBeNull();
    // Answered after the page's own code, each on its own: one that throws stops no other.
    expect(told).toEqual([]);
    expect(() => vi.runAllTimers()).toThrow('a vendor bug');
    vi.runAllTimers();
    expect(told).toEqual([
      ['tcf', null, false],
      ['gpp', null, false],
    ]);
    expect(
      fromFrame(JSON.stringify({ __tcfapiCall: { command: 'ping', version: 2, callId: 1 } })),
    ).toEqual([]);
    // Gone once: a second removal, or a new install, behaves.
    removeTcfStub();
    installTcfStub();
    expect(typeof window.__tcfapi).toBe('function');
    expect(frame('__tcfapiLocator')).not.toBeNull();
  });

  it('leaves another CMP, and the chunk that took over, alone', () => {
    const theirs = () => 'theirs';
    window.__tcfapi = theirs;
    installTcfStub();
    removeTcfStub();
    expect(window.__tcfapi).toBe(theirs);
    expect(frame('__tcfapiLocator')).toBeNull();
    delete window.__tcfapi;

    installGppStub();
    const chunk = () => 'chunk';
    window.__gpp = chunk;
    removeGppStub();
    expect(window.__gpp).toBe(chunk);
    // The chunk answers iframes through the stub's frame and proxy: both stay.
    expect(frame('__gppLocator')).not.toBeNull();
  });

  it('adds no frame after it went, when the body came late', () => {
    vi.useFakeTimers();
    const body = document.body;
    body.remove();
    installTcfStub();
    removeTcfStub();
    document.documentElement.append(body);
    vi.runAllTimers();
    expect(frame('__tcfapiLocator')).toBeNull();
  });
});
