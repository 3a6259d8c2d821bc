import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCommand } from './commands.ts';
import { sha256 } from '../crypto/sha256.ts';
import {
  countRows,
  createTestContext,
  DEMO_ORGANIZATION_ID,
  type TestContext,
} from '../testing/test-context.ts';

describe('runAdminCommand', () => {
  let t: TestContext;
  let organizationId: string;
  let projectId: string;

  beforeAll(async () => {
    t = await createTestContext();
  }, 60_000);
  afterAll(() => t.db.close());

  const run = (...args: string[]) => runAdminCommand(t.db, args);

  it('creates an organization and a project with exact origins', async () => {
    organizationId = /Organization (\S+)/.exec(
      await run('create-organization', 'Acme', 'Inc'),
    )![1]!;
    const output = await run('create-project', organizationId, 'Shop', 'https://shop.example');
    projectId = /Project (\S+)/.exec(output)![1]!;
    expect(output).toContain('https://shop.example');
  });

  it('adds an allowed origin once and refuses what is not an origin', async () => {
    expect(await run('add-origin', projectId, 'https://www.shop.example')).toContain(
      'https://shop.example, https://www.shop.example',
    );
    expect(await run('add-origin', projectId, 'https://www.shop.example')).toContain(
      'https://shop.example, https://www.shop.example',
    );
    for (const origin of ['shop.example', 'https://shop.example/path', 'ftp://shop.example', '*']) {
      await expect(run('add-origin', projectId, origin)).rejects.toThrow('is not an origin');
    }
  });

  it('shows a new API key once and stores only its hash', async () => {
    const output = await run('create-api-key', organizationId, 'backend');
    const key = output.split('\n')[1]!;
    const { rows } = await t.db.query<{ key_hash: string }>(
      "select key_hash from api_keys where name = 'backend'",
    );
    expect(rows).toEqual([{ key_hash: sha256(key) }]);
    expect(JSON.stringify(await t.db.query('select * from api_keys'))).not.toContain(key);
    await expect(run('create-api-key', organizationId, 'backend')).rejects.toThrow('already');
  });

  it('sets a region or default policy that the site config then answers', async () => {
    expect(await run('set-policy', projectId, 'jp', 'notice-only')).toBe(
      `Project ${projectId}: JP is notice-only`,
    );
    await run('set-policy', projectId, 'default', 'opt-out');
    const config = async (region: string) =>
      (await (
        await t.app.request(`/site-v1/${projectId}/site-client?region=${region}`)
      ).json()) as { policy: string };
    expect((await config('JP')).policy).toBe('notice-only');
    expect((await config('BR')).policy).toBe('opt-out');
    // The built-in entries stay: Germany still asks first.
    expect((await config('DE')).policy).toBe('opt-in');
    await expect(run('set-policy', projectId, 'mars', 'opt-out')).rejects.toThrow('region');
    await expect(run('set-policy', projectId, 'US', 'maybe')).rejects.toThrow('policy');
  });

  it("shows a project's identity secret, which rotation replaces, and refuses an unknown project", async () => {
    const shown = (await run('identity-secret', projectId)).split('\n')[1]!;
    expect(shown).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await run('identity-secret', projectId)).split('\n')[1]).toBe(shown);
    const rotated = (await run('rotate-identity-secret', projectId)).split('\n')[1]!;
    expect(rotated).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(rotated).not.toBe(shown);
    expect((await run('identity-secret', projectId)).split('\n')[1]).toBe(rotated);
    await expect(
      run('rotate-identity-secret', '00000000-0000-4000-8000-000000000999'),
    ).rejects.toThrow('no project');
    expect(await run('list')).not.toContain(rotated);
  });

  it('lists organizations, projects and key names without secrets', async () => {
    const output = await run('list');
    expect(output).toContain(`Organization ${DEMO_ORGANIZATION_ID}`);
    expect(output).toContain(`Project ${projectId} "Shop": https://shop.example`);
    expect(output).toContain('API key "backend"');
  });

  it('refuses unknown commands and bad ids without writing', async () => {
    const before = await countRows(t.db, 'projects');
    await expect(run('drop-everything')).rejects.toThrow('unknown command');
    await expect(run('create-project', 'not-a-uuid', 'x')).rejects.toThrow('uuid');
    await expect(
      run('create-project', '00000000-0000-4000-8000-000000000999', 'x'),
    ).rejects.toThrow('no organization');
    expect(await countRows(t.db, 'projects')).toBe(before);
  });
});
