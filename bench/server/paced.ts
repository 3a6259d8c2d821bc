/**
 * The bench's load generators (keep-alive connections):
 *
 * - `paced`: requests at a fixed rate, open loop: request `i` is due `i / rate` seconds after
 *   the start, whatever the answers before it did, and its latency counts from when it was due,
 *   so a server that falls behind shows it in the percentiles (no coordinated omission). Not
 *   autocannon's `overallRate`: it gives each connection its share of a second (`rate /
 *   connections` requests), sends that share back to back at the second's start and then waits
 *   for the next second. Against a server that answers at once, 10,000 requests at 1,000 a
 *   second took it 11.0 s (906 requests/s) and its p99 was 26 ms, so the "1,000 requests/s" row
 *   measured the generator's bursts and pauses, not the server.
 * - `closed`: full speed, closed loop, on sockets of its own (below): each connection sends its next request as its answer
 *   comes, until `amount` are sent; the time is from the first request to the last answer. Not
 *   autocannon with `amount`: its run ends at its next one-second tick after the last answer,
 *   so its duration is whole seconds plus a few milliseconds (80 requests to a server answering
 *   in 2 ms took it "1.04 s", this 0.07 s), and every rate the bench derived from it (the
 *   warm-up's too, which sized the measured run) was cut down to the amount over a whole number
 *   of seconds: the ~800 requests/s both servers "stopped at" was that, not the disk.
 */
import { Agent, request } from 'node:http';
import { connect } from 'node:net';

export interface PacedOptions {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  /** Requests per second. */
  rate: number;
  /** Requests in all. */
  amount: number;
  /** Sockets at most (keep-alive); a request due while all are busy waits for one. */
  connections: number;
  timeoutMs: number;
}

export interface PacedResult {
  /** Answers with a 2xx status. */
  ok: number;
  /** Answers with another status, errors and timeouts. */
  failed: number;
  /** From the start to the last answer. */
  seconds: number;
  p50: number;
  p99: number;
}

/** Counts answers and their latencies from now; the result once `amount` are in. */
function tally(amount: number) {
  const start = performance.now();
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  let last = 0;
  const answered = (from: number, success: boolean): PacedResult | undefined => {
    const now = performance.now();
    latencies.push(now - from);
    last = Math.max(last, now);
    if (success) ok += 1;
    else failed += 1;
    if (ok + failed < amount) return undefined;
    latencies.sort((a, b) => a - b);
    const at = (share: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))]!;
    return { ok, failed, seconds: (last - start) / 1000, p50: at(0.5), p99: at(0.99) };
  };
  return { start, answered };
}

/**
 * The shared part: keep-alive sockets, and `run` deciding when each request goes; `send(from)`
 * sends one, its latency counted from `from`; what `run` returns is called after each answer.
 */
function load(
  options: ClosedOptions,
  run: (send: (from: number) => void, start: number) => (() => void) | void,
): Promise<PacedResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const target = new URL(options.url);
  const headers = { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) };
  const { start, answered: count } = tally(options.amount);

  return new Promise((resolve) => {
    const done = (from: number, success: boolean) => {
      const result = count(from, success);
      if (!result) return answered?.();
      agent.destroy();
      resolve(result);
    };
    const send = (from: number) => {
      let settled = false;
      const settle = (success: boolean) => {
        if (settled) return;
        settled = true;
        done(from, success);
      };
      const outgoing = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: options.method,
          headers,
          timeout: options.timeoutMs,
        },
        (response) => {
          response.resume();
          response.on('end', () => settle((response.statusCode ?? 0) < 300));
          response.on('error', () => settle(false));
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
      outgoing.on('error', () => settle(false));
      outgoing.end(options.body);
    };
    const answered = run(send, start);
  });
}

export function paced(options: PacedOptions): Promise<PacedResult> {
  const interval = 1000 / options.rate;
  let sent = 0;
  return load(options, (send, start) => {
    // Every turn sends what is due by now (a timer is late by a millisecond or more), then
    // sleeps until the next one is due.
    const tick = () => {
      const now = performance.now();
      while (sent < options.amount && start + sent * interval <= now) {
        send(start + sent * interval);
        sent += 1;
      }
      if (sent < options.amount) {
        setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
      }
    };
    tick();
  });
}

export type ClosedOptions = Omit<PacedOptions, 'rate'>;

/**
 * The length of the first whole HTTP/1.1 answer in `buffer`, its status and whether the server
 * closes the connection after it; `undefined` while it is not all in. Enough of the protocol
 * for the servers the bench sends to: `Content-Length` or chunked bodies, no 1xx.
 */
export function answerIn(
  buffer: Buffer,
): { length: number; status: number; closes: boolean } | undefined {
  const end = buffer.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const head = buffer.toString('latin1', 0, end);
  const status = Number(head.slice(9, 12));
  const closes = /\r\nconnection: *close/i.test(head);
  const declared = /\r\ncontent-length: *(\d+)/i.exec(head);
  if (declared) {
    const length = end + 4 + Number(declared[1]);
    return buffer.length < length ? undefined : { length, status, closes };
  }
  if (!/\r\ntransfer-encoding: *chunked/i.test(head)) return { length: end + 4, status, closes };
  // Chunks: a hexadecimal size line, the data and CRLF, until the size 0 and its CRLF.
  let at = end + 4;
  for (;;) {
    const line = buffer.indexOf('\r\n', at);
    if (line < 0) return undefined;
    const size = parseInt(buffer.toString('latin1', at, line), 16);
    at = line + 2 + size + 2;
    if (buffer.length < at) return undefined;
    if (size === 0) return { length: at, status, closes };
  }
}

/**
 * Full speed, closed loop (the module's comment): on sockets of its own rather than Node's
 * `http` client, which read each answer through its whole machinery. Against the site API's
 * 100-event batches, whose answers hold every stored record (about 70 kB), that client spent
 * 0.67 ms of CPU per request, autocannon 0.38 ms: CPU the server and PostgreSQL share on the
 * bench's machine, taken more from Assent's side of the ratio than from the plain server's,
 * whose answer is a count. Each connection writes one prepared request, reads one answer, and
 * writes the next; a closed socket is opened again while requests are left.
 */
export function closed(options: ClosedOptions): Promise<PacedResult> {
  const target = new URL(options.url);
  const body = Buffer.from(options.body);
  const head = [
    `${options.method} ${target.pathname}${target.search} HTTP/1.1`,
    `host: ${target.host}`,
    ...Object.entries(options.headers).map(([name, value]) => `${name}: ${value}`),
    `content-length: ${body.length}`,
    '',
    '',
  ].join('\r\n');
  const message = Buffer.concat([Buffer.from(head, 'latin1'), body]);
  const { answered: count } = tally(options.amount);
  let sent = 0;

  return new Promise((resolve) => {
    const answered = (from: number, success: boolean) => {
      const result = count(from, success);
      if (result) resolve(result);
    };
    const open = () => {
      const socket = connect({ host: target.hostname, port: Number(target.port) });
      socket.setNoDelay(true);
      socket.setTimeout(options.timeoutMs, () => socket.destroy(new Error('timeout')));
      let buffer: Buffer = Buffer.alloc(0);
      let from = 0;
      let waiting = false;
      const next = () => {
        if (sent >= options.amount) return void socket.end();
        sent += 1;
        waiting = true;
        from = performance.now();
        socket.write(message);
      };
      socket.on('connect', next);
      socket.on('data', (chunk: Buffer) => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        const answer = answerIn(buffer);
        if (!answer) return;
        buffer = buffer.subarray(answer.length);
        waiting = false;
        answered(from, answer.status >= 200 && answer.status < 300);
        if (answer.closes) socket.end();
        else next();
      });
      socket.on('error', () => {});
      socket.on('close', () => {
        if (waiting) {
          waiting = false;
          answered(from, false);
        }
        if (sent < options.amount) open();
      });
    };
    for (let i = 0; i < Math.min(options.connections, options.amount); i++) open();
  });
}
