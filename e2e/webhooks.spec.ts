import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { E2E_ADMIN_KEY } from '../playwright.config.ts';
import { expect, test } from './fixtures.ts';
import { privatePort, startServer } from './server-process.ts';

const ORG = '00000000-0000-4000-8000-00000000000a';
const PROJECT = '00000000-0000-4000-8000-00000000000b';
const WEBHOOK_ENV = {
  ASSENT_WEBHOOK_ALLOW_PRIVATE: '1',
  ASSENT_WEBHOOK_BACKOFF_MS: '1500,1500,1500',
  ASSENT_WEBHOOK_TIMEOUT_MS: '1000',
};

for (const [backend, databaseUrl] of [
  ['PGlite', undefined],
  // CI's throwaway cluster (.ci/run); skipped where there is none.
  ['PostgreSQL', process.env.TEST_DATABASE_URL],
] as const) {
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures destructured
  test(`a webhook delivery survives a SIGKILL of the server on ${backend} between attempts`, async ({}, info) => {
    test.skip(backend === 'PostgreSQL' && !databaseUrl, 'no TEST_DATABASE_URL');
    test.setTimeout(120_000);
    const bodies: { headers: Record<string, string>; body: string }[] = [];
    let answer = 500;
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        bodies.push({ headers: req.headers as Record<string, string>, body });
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const port = privatePort(info.parallelIndex);
    let server = await startServer(port, undefined, databaseUrl, WEBHOOK_ENV);
    const api = `${server.url}/privacy-v1/organizations/${ORG}/projects/${PROJECT}`;
    const headers = { 'x-api-key': E2E_ADMIN_KEY, 'content-type': 'application/json' };
    try {
      const created = await fetch(`${api}/webhooks`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ url }),
      });
      const endpoint = (await created.json()) as { id: string; secret: string };
      const sent = await fetch(
        `${server.url}/demo-organization/projects/demo-project/consents/data`,
        {
          method: 'POST',
          headers,
          body: JSON.stringify({
            action: 'accept',
            timestamp: Date.now(),
            validUntil: Date.now() + 86_400_000,
            source: 'desktop',
            category: 'analytics',
            userId: `killed-${backend}@example.com`,
          }),
        },
      );
      expect(sent.status).toBe(200);
      const deliveries = async () =>
        (
          (await (
            await fetch(`${api}/webhooks/${endpoint.id}/deliveries`, { headers })
          ).json()) as {
            items: { status: string; attempts: number; lastStatus: number | null }[];
          }
        ).items;
      // The first attempt answered 500 and is recorded: between it and the retry, a crash.
      await expect
        .poll(async () => (await deliveries())[0]?.lastStatus, { timeout: 20_000 })
        .toBe(500);
      expect(bodies).toHaveLength(1);
      await server.stop('SIGKILL');
      answer = 200;
      server = await startServer(port, server.dataDir, databaseUrl, WEBHOOK_ENV);
      await expect
        .poll(async () => (await deliveries())[0]?.status, { timeout: 30_000 })
        .toBe('delivered');
      expect((await deliveries())[0]!.attempts).toBe(2);
      expect(bodies).toHaveLength(2);
      expect(bodies[1]!.headers['webhook-id']).toBe(bodies[0]!.headers['webhook-id']);
      const event = new Webhook(endpoint.secret).verify(bodies[1]!.body, bodies[1]!.headers) as {
        data: { userId: string };
      };
      expect(event.data.userId).toBe(`killed-${backend}@example.com`);
    } finally {
      await server.stop();
      receiver.close();
    }
  });
}
