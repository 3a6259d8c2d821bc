/**
 * The IAB's `__tcfapi` stub (TCF 2.3, "CMP JS API": the stub), installed synchronously by the
 * loader before any ad tag can run, for projects that use the TCF (issue 20): `__tcfapi` is
 * always a function, queues every call until the TCF chunk takes over (`__tcfapi()` with no
 * arguments hands it the queue), answers `ping` at once with `cmpStatus: "loading"`, names the
 * page's CMP frame `__tcfapiLocator` for scripts in iframes, and answers their `postMessage`
 * calls through whatever `__tcfapi` is current.
 */
type TcfCall = [command: string, version: unknown, callback: unknown, parameter?: unknown];
type TcfCallback = (value: unknown, success: boolean) => void;

declare global {
  interface Window {
    __tcfapi?: (...args: TcfCall | []) => unknown;
  }
}

/** Adds the locator frame once the body exists; another CMP's frame wins. */
function addLocator() {
  if ((window.frames as unknown as Record<string, unknown>).__tcfapiLocator) return;
  if (!document.body) return void setTimeout(addLocator, 5);
  const frame = document.createElement('iframe');
  frame.name = '__tcfapiLocator';
  frame.hidden = true;
  document.body.appendChild(frame);
}

export function installTcfStub(): void {
  // Another CMP's stub, or ours from an earlier copy of the loader: it keeps the page.
  if (window.__tcfapi) return;
  const queue: TcfCall[] = [];
  window.__tcfapi = (...args) => {
    if (!args.length) return queue;
    if (args[0] === 'ping')
      (args[2] as TcfCallback)({ cmpLoaded: false, cmpStatus: 'loading', apiVersion: '2.3' }, true);
    else queue.push(args);
  };
  addLocator();
  addEventListener('message', ({ data, source }) => {
    const text = typeof data === 'string';
    let call: Record<string, unknown> | undefined;
    try {
      call = (text ? JSON.parse(data as string) : data)?.__tcfapiCall;
    } catch {
      // Not a TCF call.
    }
    if (!call || !source) return;
    window.__tcfapi!(
      call.command as string,
      call.version,
      (returnValue: unknown, success: boolean) => {
        const answer = { __tcfapiReturn: { returnValue, success, callId: call.callId } };
        (source as Window).postMessage(text ? JSON.stringify(answer) : answer, '*');
      },
      call.parameter,
    );
  });
}
