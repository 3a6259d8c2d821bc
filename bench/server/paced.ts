/**
 * Requests at a fixed rate, open loop: request `i` is due `i / rate` seconds after the start,
 * whatever the answers before it did, and its latency counts from when it was due, so a server
 * that falls behind shows it in the percentiles (no coordinated omission).
 *
 * Not autocannon's `overallRate`: it gives each connection its share of a second
 * (`rate / connections` requests), sends that share back to back at the second's start and then
 * waits for the next second. Against a server that answers at once, 10,000 requests at 1,000 a
 * second took it 11.0 s (906 requests/s) and its p99 was 26 ms, so the "1,000 requests/s" row
 * measured the generator's bursts and pauses, not the server.
 */
import { Agent, request } from 'node:http';

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

export function paced(options: PacedOptions): Promise<PacedResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const target = new URL(options.url);
  const headers = { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) };
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  let answered = 0;
  let sent = 0;
  let last = 0;
  const start = performance.now();

  return new Promise((resolve) => {
    const done = (due: number, success: boolean) => {
      const now = performance.now();
      latencies.push(now - due);
      last = Math.max(last, now);
      if (success) ok += 1;
      else failed += 1;
      answered += 1;
      if (answered < options.amount) return;
      agent.destroy();
      latencies.sort((a, b) => a - b);
      const at = (share: number) =>
        latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * share))]!;
      resolve({ ok, failed, seconds: (last - start) / 1000, p50: at(0.5), p99: at(0.99) });
    };
    const send = (due: number) => {
      let settled = false;
      const settle = (success: boolean) => {
        if (settled) return;
        settled = true;
        done(due, success);
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
