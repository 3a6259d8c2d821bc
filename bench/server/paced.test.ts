import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { answerIn, closed, paced } from './paced.ts';

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A server that answers each request after `delayMs`, a 500 for `/fail`, and counts. */
async function start(delayMs = 5) {
  const seen = { requests: 0, inFlight: 0, most: 0, arrivals: [] as number[] };
  server = createServer((request, response) => {
    seen.requests += 1;
    seen.inFlight += 1;
    seen.most = Math.max(seen.most, seen.inFlight);
    seen.arrivals.push(performance.now());
    request.resume();
    setTimeout(() => {
      seen.inFlight -= 1;
      response.statusCode = request.url === '/fail' ? 500 : 200;
      response.end('{}');
    }, delayMs);
  });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return { seen, url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}` };
}

const options = (url: string) => ({
  url,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: '{"items":[]}',
  timeoutMs: 10_000,
});

describe('closed', () => {
  it('keeps one request in flight per connection, sends exactly the amount and waits for every answer', async () => {
    const { seen, url } = await start();
    const result = await closed({ ...options(url), connections: 4, amount: 40 });
    expect(result).toMatchObject({ ok: 40, failed: 0 });
    expect(seen.requests).toBe(40);
    expect(seen.most).toBe(4);
    expect(seen.inFlight).toBe(0);
    // From the first request to the last answer, not rounded up to a whole second as
    // autocannon's runs are: 10 rounds of 5 ms answers.
    expect(result.seconds).toBeGreaterThan(0.04);
    expect(result.seconds).toBeLessThan(1);
  });

  it('opens another connection when the server closes one, and counts nothing twice', async () => {
    const { seen, url } = await start();
    server!.on('request', (_request, response) => response.setHeader('connection', 'close'));
    const result = await closed({ ...options(url), connections: 2, amount: 10 });
    expect(result).toMatchObject({ ok: 10, failed: 0 });
    expect(seen.requests).toBe(10);
  });

  it('counts answers other than 2xx as failed', async () => {
    const { url } = await start();
    const result = await closed({ ...options(`${url}/fail`), connections: 2, amount: 6 });
    expect(result).toMatchObject({ ok: 0, failed: 6 });
  });
});

describe('answerIn', () => {
  const answer = (text: string) => answerIn(Buffer.from(text, 'latin1'));
  it('finds a whole answer by its Content-Length, and none while part of its body is missing', () => {
    const head =
      'HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n';
    expect(answer(`${head}{`)).toBeUndefined();
    expect(answer(`${head}{}HTTP/1.1`)).toEqual({
      length: head.length + 2,
      status: 201,
      closes: false,
    });
    expect(answer('HTTP/1.1 200 OK\r\nContent-')).toBeUndefined();
  });

  it('reads chunked bodies to their last chunk, and says when the server closes', () => {
    const head = 'HTTP/1.1 409 Conflict\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n';
    const body = '4\r\n{"a"\r\na\r\n:"0123456"\r\n1\r\n}\r\n0\r\n\r\n';
    expect(answer(head + body.slice(0, -2))).toBeUndefined();
    expect(answer(head + body)).toEqual({
      length: (head + body).length,
      status: 409,
      closes: true,
    });
  });
});

describe('paced', () => {
  it('sends request i no sooner than i / rate seconds after the start', async () => {
    const { seen, url } = await start(1);
    const before = performance.now();
    const result = await paced({ ...options(url), connections: 4, amount: 11, rate: 100 });
    expect(result).toMatchObject({ ok: 11, failed: 0 });
    // The 11th is due 100 ms after the start: a generator that sent all at once fails this.
    expect(seen.arrivals.at(-1)! - before).toBeGreaterThanOrEqual(100);
  });
});
