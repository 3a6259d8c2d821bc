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

describe('runAdminCommand: slugs and key scopes (issue 14)', () => {
  let t: TestContext;
  const run = (...args: string[]) => runAdminCommand(t.db, args);

  beforeAll(async () => {
    t = await createTestContext();
  }, 60_000);
  afterAll(() => t.db.close());

  it('shows the demo slugs of seed 002 in the list', async () => {
    const output = await run('list');
    expect(output).toContain(
      `Organization ${DEMO_ORGANIZATION_ID} "Northwind Coffee Co." (slug demo-organization)`,
    );
    expect(output).toContain('(slug demo-project)');
    expect(output).toContain('API key "demo" scope admin');
  });

  it('makes slugs from names, takes given ones, and keeps organization slugs unique', async () => {
    const first = await run('create-organization', 'Acme', 'Café');
    expect(first).toContain('(slug acme-cafe)');
    const second = await run('create-organization', 'Acme', 'Café');
    expect(second).toMatch(/\(slug acme-cafe-[0-9a-f]{8}\)/);
    await expect(run('create-organization', 'Other', '--slug', 'acme-cafe')).rejects.toThrow(
      'taken',
    );
    await expect(run('create-organization', 'Other', '--slug', 'Not_A_Slug')).rejects.toThrow(
      'not a slug',
    );
    const id = /Organization (\S+)/.exec(first)![1]!;
    expect(await run('set-organization-slug', id, 'acme')).toBe(`Organization ${id}: slug acme`);
    await expect(run('set-organization-slug', id, 'demo-organization')).rejects.toThrow('taken');
  });

  it('keeps project slugs unique in their organization only', async () => {
    const org = /Organization (\S+)/.exec(await run('create-organization', 'Beta'))![1]!;
    const shop = await run('create-project', org, 'Shop', '--slug', 'demo-project');
    expect(shop).toContain('(slug demo-project)');
    await expect(run('create-project', org, 'Shop 2', '--slug', 'demo-project')).rejects.toThrow(
      'taken',
    );
    const other = /Project (\S+)/.exec(await run('create-project', org, 'Blog'))![1]!;
    await expect(run('set-project-slug', other, 'demo-project')).rejects.toThrow('already');
    expect(await run('set-project-slug', other, 'news')).toBe(`Project ${other}: slug news`);
  });

  it('creates API keys with a scope, admin by default', async () => {
    expect(
      await run('create-api-key', DEMO_ORGANIZATION_ID, 'web', '--scope', 'consent'),
    ).toContain('scope consent');
    expect(await run('create-api-key', DEMO_ORGANIZATION_ID, 'ops')).toContain('scope admin');
    await expect(
      run('create-api-key', DEMO_ORGANIZATION_ID, 'x', '--scope', 'root'),
    ).rejects.toThrow('--scope');
    const { rows } = await t.db.query<{ name: string; scope: string }>(
      "select name, scope from api_keys where name in ('web', 'ops') order by name",
    );
    expect(rows).toEqual([
      { name: 'ops', scope: 'admin' },
      { name: 'web', scope: 'consent' },
    ]);
  });

  it('creates a console member with a one-time password that logs in, and refuses a second of the email', async () => {
    const output = await run(
      'create-user',
      DEMO_ORGANIZATION_ID,
      'Ana@Demo.example',
      '--role',
      'viewer',
    );
    expect(output).toContain('ana@demo.example role viewer');
    const password = output.split('\n').at(-1)!;
    const response = await t.app.request('/auth/v1/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ana@demo.example', password }),
    });
    expect(response.status).toBe(200);
    await expect(run('create-user', DEMO_ORGANIZATION_ID, 'ana@demo.example')).rejects.toThrow(
      'already',
    );
    await expect(
      run('create-user', DEMO_ORGANIZATION_ID, 'x@demo.example', '--role', 'god'),
    ).rejects.toThrow('--role');
  });
});
