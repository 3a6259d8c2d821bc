import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../../src/core/types.ts';
import { putApiKey } from '../../db/repositories/api-keys.ts';
import { ensureOrganization } from '../../db/repositories/organizations.ts';
import { sha256 } from '../../crypto/sha256.ts';
import {
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  expectError,
  type TestContext,
} from '../../testing/test-context.ts';

const OTHER_ORGANIZATION_ID = '00000000-0000-4000-8000-0000000000ab';
const OTHER_KEY = 'other-organization-gpp-key';
const project = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}`;
const siteClient = `/site-v1/${DEMO_PROJECT_ID}/site-client`;

describe('the project setting gpp {enabled, sections} (issue 21)', () => {
  let t: TestContext;
  const patch = (body: unknown, key = DEMO_API_KEY, path = project) =>
    t.app.request(path, {
      method: 'PATCH',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const read = async () =>
    (
      (await (await t.app.request(project, { headers: { 'x-api-key': DEMO_API_KEY } })).json()) as {
        gpp: unknown;
      }
    ).gpp;
  const client = async () => (await (await t.app.request(siteClient)).json()) as SiteConfig;

  beforeAll(async () => {
    t = await createTestContext();
    await ensureOrganization(t.db, { id: OTHER_ORGANIZATION_ID, name: 'Other', slug: 'other-gpp' });
    await putApiKey(t.db, {
      id: randomUUID(),
      organizationId: OTHER_ORGANIZATION_ID,
      name: 'test',
      keyHash: sha256(OTHER_KEY),
    });
  }, 120_000);
  afterAll(() => t.db.close());

  it('is off by default, and site-client then sends no gpp', async () => {
    expect(await read()).toEqual({ enabled: false, sections: [] });
    expect((await client()).gpp).toBeUndefined();
  });

  it('turns GPP on with its sections, and site-client sends them', async () => {
    const gpp = { enabled: true, sections: ['usnat', 'usca', 'usco'] };
    const response = await patch({ gpp });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { gpp: unknown }).gpp).toEqual(gpp);
    expect(await read()).toEqual(gpp);
    expect((await client()).gpp).toEqual({ sections: ['usnat', 'usca', 'usco'] });
  });

  it('keeps the sections but sends nothing once disabled', async () => {
    expect((await patch({ gpp: { enabled: false, sections: ['usnat'] } })).status).toBe(200);
    expect((await client()).gpp).toBeUndefined();
    expect(await read()).toEqual({ enabled: false, sections: ['usnat'] });
  });

  it('refuses a malformed setting with a 400 and changes nothing', async () => {
    const before = await read();
    for (const gpp of [
      { enabled: true },
      { enabled: 'yes', sections: ['usnat'] },
      { enabled: true, sections: ['uswa'] },
      { enabled: true, sections: ['usnat', 'usnat'] },
      { enabled: true, sections: [] },
      { enabled: true, sections: ['usnat'], extra: 1 },
      ['usnat'],
      null,
    ]) {
      await expectError(await patch({ gpp }), 400);
    }
    expect(await read()).toEqual(before);
  });

  it('refuses another organization’s key, on either organization’s path, and changes nothing', async () => {
    const before = await read();
    const gpp = { enabled: true, sections: ['usnat'] };
    expect([403, 404]).toContain((await patch({ gpp }, OTHER_KEY)).status);
    const theirs = `/privacy-v1/organizations/${OTHER_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}`;
    await expectError(await patch({ gpp }, OTHER_KEY, theirs), 404);
    expect(await read()).toEqual(before);
  });
});
