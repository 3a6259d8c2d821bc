/**
 * What the IAB's two CMP stubs share (TCF's `__tcfapi`, GPP's `__gpp`): a synchronous function
 * that answers `ping` at once and queues every other call for the chunk that takes over (which
 * asks for the queue by calling it with no arguments), the `<name>Locator` frame that tells
 * scripts in iframes a CMP is on the page, and the `postMessage` proxy for their calls, answered
 * through whatever function is current. One implementation, so that both stubs and their
 * teardown cost the loader's budget once.
 *
 * A stub is installed early, from what the script tag or the last config said; once the fresh
 * config says the project does not use that framework here, `removeStub` takes ours away again:
 * the function, the frame and the listener go, and every queued call is answered `success:
 * false`, so that no vendor waits forever on a CMP that is not coming. Another CMP's function,
 * or the chunk that took ours over, is left alone.
 */
type StubName = '__tcfapi' | '__gpp';
type Reply = (returnValue: unknown, success: boolean) => void;
type Api = (...args: unknown[]) => unknown;

const removers: Partial<Record<StubName, () => void>> = {};

/**
 * Installs the stub `name` unless the page has one. `callbackAt` is where the callback sits in a
 * call's arguments (TCF: `command, version, callback, parameter`; GPP: `command, callback,
 * parameter, version`), `ping` the stub's answer to `ping`.
 */
export function installStub(name: StubName, callbackAt: 1 | 2, ping: object): void {
  const page = window as unknown as Record<StubName, Api | undefined>;
  // Another CMP's stub, or ours from an earlier copy of the loader: it keeps the page.
  if (typeof page[name] === 'function') return;
  const queue: unknown[][] = [];
  const stub: Api = (...args) => {
    if (!args.length) return queue;
    if (args[0] === 'ping') (args[callbackAt] as Reply | undefined)?.(ping, true);
    else queue.push(args);
  };
  page[name] = stub;
  const locatorName = `${name}Locator`;
  let frame: HTMLIFrameElement | undefined;
  // Once the body exists; another CMP's frame wins.
  const addLocator = () => {
    if (
      removers[name] !== remove ||
      (window.frames as unknown as Record<string, unknown>)[locatorName]
    )
      return;
    if (!document.body) return void setTimeout(addLocator, 5);
    frame = document.createElement('iframe');
    frame.name = locatorName;
    frame.hidden = true;
    document.body.appendChild(frame);
  };
  // Calls from iframes: `{__tcfapiCall | __gppCall: {command, version, parameter, callId}}`, as
  // an object or as JSON, answered in the same form.
  const onMessage = ({ data, source }: MessageEvent) => {
    const json = typeof data === 'string';
    let call: Record<string, unknown> | undefined;
    try {
      call = (json ? JSON.parse(data as string) : data)?.[`${name}Call`];
    } catch {
      // Not a call of this API.
    }
    if (!call || !source) return;
    const reply: Reply = (returnValue, success) => {
      const answer = { [`${name}Return`]: { returnValue, success, callId: call.callId } };
      (source as Window).postMessage(json ? JSON.stringify(answer) : answer, '*');
    };
    const { command, version, parameter } = call;
    page[name]?.(
      ...(callbackAt === 1
        ? [command, reply, parameter, version]
        : [command, version, reply, parameter]),
    );
  };
  const remove = () => {
    // Taken over by the chunk, which answers through the frame and the proxy: they stay.
    if (page[name] !== stub) return;
    delete removers[name];
    delete page[name];
    removeEventListener('message', onMessage);
    frame?.remove();
    // Each in a task of its own: a vendor's callback that throws stops no other.
    for (const args of queue)
      if (typeof args[callbackAt] === 'function')
        setTimeout(args[callbackAt] as Reply, 0, null, false);
  };
  removers[name] = remove;
  addLocator();
  addEventListener('message', onMessage);
}

/** Takes our stub `name` away again (see above); nothing when it is not ours or already gone. */
export const removeStub = (name: StubName): void => removers[name]?.();
