import { describe, expect, it } from 'vitest';
import { createSiteApi } from './site-api.ts';

const api = (response: () => Response) =>
  createSiteApi({ base: 'https://api.example', projectId: 'p', fetch: async () => response() });

describe('site API client', () => {
  it('reads Retry-After when the answer exposes it (Access-Control-Expose-Headers)', async () => {
    const result = await api(
      () => new Response('{"message":"busy"}', { status: 503, headers: { 'retry-after': '7' } }),
    ).sendEvents('t', []);
    expect(result).toEqual({ ok: false, status: 503, message: 'busy', retryAfter: 7 });
  });

  it('refuses a site config answer over the size limit without parsing it', async () => {
    const result = await api(() => new Response(`{"x":"${'x'.repeat(600 * 1024)}"}`)).getConfig();
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/answer too large/) });
  });
});
