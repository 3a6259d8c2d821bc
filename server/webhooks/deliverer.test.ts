import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putApiKey } from '../db/repositories/api-keys.ts';
import { ensureOrganization } from '../db/repositories/organizations.ts';
import { sha256 } from '../crypto/sha256.ts';
import {
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  expectError,
  type TestContext,
} from '../testing/test-context.ts';
import { startWebhookDeliverer } from './deliverer.ts';
import { checkWebhookUrl, isPublicAddress } from './target.ts';
import type { WebhookDelivery } from '../db/repositories/webhooks.ts';

const base = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}`;
const OTHER_ORGANIZATION_ID = '00000000-0000-4000-8000-0000000000a4';
const OTHER_KEY = 'webhooks-other-organization';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

describe('webhook delivery', () => {
  let t: TestContext;
  let server: Server;
  let url: string;
  const received: Received[] = [];
  /** What the receiver does on each request, in turn. */
  const plan: ('500' | 'hang' | '200')[] = ['500', '500', 'hang', '200'];

  beforeAll(async () => {
    t = await createTestContext({ webhooks: { allowPrivate: true } });
    await ensureOrganization(t.db, { id: OTHER_ORGANIZATION_ID, name: 'Other', slug: 'other4' });
    await putApiKey(t.db, {
      id: '00000000-0000-4000-8000-0000000000d4',
      organizationId: OTHER_ORGANIZATION_ID,
      name: 'other',
      keyHash: sha256(OTHER_KEY),
    });
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        const step = plan.shift() ?? '200';
        if (step === 'hang') return; // answers nothing, past the timeout
        res.writeHead(Number(step)).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  }, 60_000);
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await t.db.close();
  });

  const admin = (path: string, init: RequestInit = {}, key = DEMO_API_KEY) =>
    t.app.request(`${base}${path}`, {
      ...init,
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
    });

  it('retries 500, 500 and a timeout, and ends delivered after 4 attempts, signed', async () => {
    const created = await admin('/webhooks', { method: 'POST', body: JSON.stringify({ url }) });
    expect(created.status).toBe(201);
    const endpoint = (await created.json()) as { id: string; url: string; secret: string };
    expect(endpoint.secret).toMatch(/^whsec_/);
    const listed = (await (await admin('/webhooks')).json()) as { items: object[] };
    expect(JSON.stringify(listed)).not.toContain(endpoint.secret);

    const sent = await admin('/consent-events', {
      method: 'POST',
      body: JSON.stringify({
        items: [
          {
            userId: 'hooked',
            label: 'analytics',
            consentState: 'accepted',
            consentAction: 'user_click',
          },
        ],
      }),
    });
    const [event] = ((await sent.json()) as { items: { id: string }[] }).items;

    const deliverer = startWebhookDeliverer({
      db: t.db,
      allowPrivate: true,
      // Long enough for a loaded machine's 500 and 200; the hang never answers at all.
      timeoutMs: 2_000,
      backoffMs: [50, 50, 50],
      pollMs: 20,
    });
    let deliveries: WebhookDelivery[] = [];
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      deliveries = (
        (await (await admin(`/webhooks/${endpoint.id}/deliveries`)).json()) as {
          items: WebhookDelivery[];
        }
      ).items;
      if (deliveries[0]?.status !== 'pending') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await deliverer.stop();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      eventId: event!.id,
      status: 'delivered',
      attempts: 4,
      lastStatus: 200,
      nextAttemptAt: null,
    });
    expect(received).toHaveLength(4);
    // The same id and body on every attempt; each signature verifies with the secret.
    const ids = new Set(received.map((r) => r.headers['webhook-id']));
    expect(ids).toEqual(new Set([deliveries[0]!.id]));
    const hook = new Webhook(endpoint.secret);
    for (const attempt of received) {
      const payload = hook.verify(attempt.body, attempt.headers as Record<string, string>) as {
        type: string;
        data: { id: string; userId: string; label: string };
      };
      expect(payload).toMatchObject({
        type: 'consent_event.created',
        data: { id: event!.id, userId: 'hooked', label: 'analytics' },
      });
    }
    expect(() =>
      new Webhook(`whsec_${Buffer.from('wrong').toString('base64')}`).verify(
        received[3]!.body,
        received[3]!.headers as Record<string, string>,
      ),
    ).toThrow();
  }, 30_000);

  it('marks a delivery failed after the last retry', async () => {
    plan.push('500', '500');
    const created = await admin('/webhooks', {
      method: 'POST',
      body: JSON.stringify({ url: `${url}?failing` }),
    });
    const endpoint = (await created.json()) as { id: string };
    await admin(`/webhooks/${endpoint.id}/test`, { method: 'POST' });
    const deliverer = startWebhookDeliverer({
      db: t.db,
      allowPrivate: true,
      backoffMs: [20],
      pollMs: 20,
    });
    let deliveries: WebhookDelivery[] = [];
    const deadline = Date.now() + 25_000;
    while (Date.now() < deadline && deliveries[0]?.status !== 'failed') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      deliveries = (
        (await (await admin(`/webhooks/${endpoint.id}/deliveries`)).json()) as {
          items: WebhookDelivery[];
        }
      ).items;
    }
    await deliverer.stop();
    expect(deliveries[0]).toMatchObject({
      type: 'webhook.test',
      status: 'failed',
      attempts: 2,
      lastStatus: 500,
    });
  }, 30_000);

  it("refuses every webhook route to another organization's key and to a consent key", async () => {
    const created = await admin('/webhooks', { method: 'POST', body: JSON.stringify({ url }) });
    const { id } = (await created.json()) as { id: string };
    for (const [method, path] of [
      ['POST', '/webhooks'],
      ['GET', '/webhooks'],
      ['DELETE', `/webhooks/${id}`],
      ['GET', `/webhooks/${id}/deliveries`],
      ['POST', `/webhooks/${id}/test`],
    ] as const) {
      const init = { method, ...(method === 'POST' && { body: JSON.stringify({ url }) }) };
      await expectError(await admin(path, init, OTHER_KEY), 403);
    }
    // The other organization's key on its own organization's path, naming this project: 404.
    const other = await t.app.request(
      `/privacy-v1/organizations/${OTHER_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}/webhooks`,
      { headers: { 'x-api-key': OTHER_KEY } },
    );
    await expectError(other, 404);
    expect((await admin(`/webhooks/${id}`, { method: 'DELETE' })).status).toBe(204);
    await expectError(await admin(`/webhooks/${id}/deliveries`), 404);
  });

  it('refuses http and private targets unless private targets are allowed', () => {
    expect(() => checkWebhookUrl('http://example.com/hook', false)).toThrow('https');
    expect(() => checkWebhookUrl('https://127.0.0.1/hook', false)).toThrow('private');
    expect(() => checkWebhookUrl('https://[::1]/hook', false)).toThrow('private');
    expect(() => checkWebhookUrl('https://169.254.169.254/latest', false)).toThrow('private');
    expect(() => checkWebhookUrl('https://localhost/hook', false)).toThrow('loopback');
    expect(checkWebhookUrl('https://hooks.example.com/x', false)).toBe(
      'https://hooks.example.com/x',
    );
    expect(checkWebhookUrl('http://127.0.0.1:8080/x', true)).toBe('http://127.0.0.1:8080/x');
    for (const address of [
      '10.1.2.3',
      '192.168.0.1',
      '172.20.0.1',
      '::ffff:127.0.0.1',
      'fe80::1',
      'fd00::1',
    ]) {
      expect(isPublicAddress(address)).toBe(false);
    }
    expect(isPublicAddress('93.184.216.34')).toBe(true);
    expect(isPublicAddress('2606:4700::1111')).toBe(true);
  });
});

describe('sendWebhook', () => {
  it('refuses a name that resolves to loopback, after DNS resolution', async () => {
    const { sendWebhook } = await import('./send.ts');
    const outcome = await sendWebhook('https://localhost:1/hook', {}, '{}', {
      timeoutMs: 2000,
      allowPrivate: false,
    });
    expect(outcome.status).toBeNull();
    expect(outcome.error).toContain('EWEBHOOKADDRESS');
  });
});
