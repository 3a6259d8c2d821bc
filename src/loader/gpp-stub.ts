/**
 * The IAB GPP 1.1 stub (CMP API specification, "How should the CMP stub be implemented"): a
 * synchronous `window.__gpp` that answers `ping` at once, queues the other commands, adds the
 * `__gppLocator` frame that tells iframes a CMP is here, and answers their `postMessage` calls.
 * The lazy GPP bundle (`src/gpp/`) takes the queue over.
 */

export function installGppStub(): void {
  if (typeof window.__gpp === 'function') return; // another CMP, or a second include
  const queue: unknown[][] = [];
  window.__gpp = (...args) => {
    if (!args.length) return queue;
    // Only `ping` is answered at once; listeners and the rest wait for the CMP (GPP 1.1 allows a
    // stub to queue them, and the CMP registers the listeners when it takes the queue over).
    if (args[0] === 'ping') {
      args[1]?.(
        {
          gppVersion: '1.1',
          cmpStatus: 'stub',
          cmpDisplayStatus: 'hidden',
          signalStatus: 'not ready',
          supportedAPIs: [],
          cmpId: 0,
          sectionList: [],
          applicableSections: [-1],
          gppString: '',
          parsedSections: {},
        },
        true,
      );
    } else queue.push(args);
    return undefined;
  };
  const addLocator = () => {
    if (!document.body) return void setTimeout(addLocator, 5);
    const frame = document.createElement('iframe');
    frame.style.display = 'none';
    frame.name = '__gppLocator';
    document.body.appendChild(frame);
  };
  addLocator();
  // Calls from iframes: `{__gppCall: {command, parameter, version, callId}}`, as an object or JSON.
  addEventListener('message', ({ data, source }: MessageEvent) => {
    const json = typeof data === 'string';
    let call;
    try {
      call = (json ? JSON.parse(data as string) : data)?.__gppCall;
    } catch {
      return;
    }
    if (call && source)
      window.__gpp!(
        call.command,
        (returnValue, success) => {
          const answer = { __gppReturn: { returnValue, success, callId: call.callId } };
          (source as Window).postMessage(json ? JSON.stringify(answer) : answer, '*');
        },
        call.parameter,
        call.version,
      );
  });
}
