/**
 * The IAB's `__tcfapi` stub (TCF 2.3, "CMP JS API": the stub), installed synchronously by the
 * loader before any ad tag can run, for projects that use the TCF (issue 20): `__tcfapi` is
 * always a function, queues every call until the TCF chunk takes over (`__tcfapi()` with no
 * arguments hands it the queue), answers `ping` at once with `cmpStatus: "loading"`, names the
 * page's CMP frame `__tcfapiLocator` for scripts in iframes, and answers their `postMessage`
 * calls through whatever `__tcfapi` is current (`iab-stub.ts`). When the fresh config says the
 * project has no TCF (it was installed from a stale copy or the script tag), `removeTcfStub`
 * takes it away again: vendors then find no CMP, as on any page without the TCF.
 */
import { installStub, removeStub } from './iab-stub.ts';

type TcfCall = [command: string, version: unknown, callback: unknown, parameter?: unknown];

declare global {
  interface Window {
    __tcfapi?: (...args: TcfCall | []) => unknown;
  }
}

export const installTcfStub = (): void =>
  installStub('__tcfapi', 2, { cmpLoaded: false, cmpStatus: 'loading', apiVersion: '2.3' });

export const removeTcfStub = (): void => removeStub('__tcfapi');
