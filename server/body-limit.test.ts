import { request as httpRequest, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  type TestContext,
} from './testing/test-context.ts';

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

/** One request through `agent`, resolved with the answer (or rejected with the socket's error). */
function send(
  agent: Agent,
  port: number,
  path: string,
  options: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            connection: response.headers.connection,
            body,
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

// A real listening server: `app.request()` has no connection to keep or lose.
describe('body limit over a kept-alive connection', () => {
  let t: TestContext;
  let server: ServerType;
  let port: number;
  beforeAll(async () => {
    t = await createTestContext();
    await new Promise<void>((resolve) => {
      server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.db.close();
  });

  it('answers the requests after a refused 2 MB body on the same agent', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await send(
        agent,
        port,
        `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}/consent-events`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': DEMO_API_KEY },
          body: JSON.stringify({ items: [], padding: 'x'.repeat(2 * 1024 * 1024) }),
        },
      );
      expect(refused.status).toBe(413);
      // The rest of the body is never read: the server says it closes the connection.
      expect(refused.connection).toBe('close');
      expect(JSON.parse(refused.body)).toMatchObject({ statusCode: 413 });
      for (let i = 0; i < 2; i++) {
        const next = await send(agent, port, '/site-v1/health');
        expect(next.status).toBe(200);
      }
    } finally {
      agent.destroy();
    }
  });
});
