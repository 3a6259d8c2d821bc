import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyExport } from './export-verification.ts';
import {
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  openTestSession,
  postEvents,
  START,
  type TestContext,
} from '../testing/test-context.ts';

const base = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}/consent-events`;

describe('exports that verify on their own (issue 22 §5)', () => {
  let t: TestContext;
  let lines: string[];

  beforeAll(async () => {
    t = await createTestContext();
    const visitor = await openTestSession(t.app);
    // A browser event with a clock far off (its date kept beside the server's), one with a
    // subcategory, and server-to-server imports named by other identifiers.
    const site = await postEvents(t.app, visitor.token, {
      items: [
        {
          concordId: visitor.concordId,
          label: 'analytics',
          consentState: 'accepted',
          consentAction: 'user_click',
          consentDate: '2027-03-01T10:00:00.000Z',
        },
        {
          concordId: visitor.concordId,
          label: 'privacy_policy',
          consentState: 'viewed',
          consentAction: 'implied',
          subcategory: { page: 'footer', order: [2, 1] },
        },
      ],
    });
    expect(site.status).toBe(201);
    const imported = await t.app.request(base, {
      method: 'POST',
      headers: { 'x-api-key': DEMO_API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({
        items: [
          { userId: 'u-1', label: 'marketing', consentState: 'declined', consentAction: 'import' },
          {
            email: 'Ann@Example.com',
            phoneNumber: '+331',
            label: 'newsletter',
            consentState: 'accepted',
            consentAction: 'import',
            consentDate: '2025-01-01T00:00:00Z',
          },
        ],
      }),
    });
    expect(imported.status).toBe(201);
    lines = await exportLines();
  }, 60_000);
  afterAll(() => t.db.close());

  async function exportLines(query = '') {
    const response = await t.app.request(`${base}${query}`, {
      headers: { accept: 'application/x-ndjson', 'x-api-key': DEMO_API_KEY },
    });
    return (await response.text()).trimEnd().split('\n');
  }

  it('carries seq, prevHash and rowHash on every NDJSON and CSV row', async () => {
    expect(lines).toHaveLength(4);
    const rows = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows[0]).toMatchObject({ prevHash: '', clientConsentDate: '2027-03-01T10:00:00.000Z' });
    expect(rows[0]!.consentDate).toBe(START.toISOString());
    for (const [index, row] of rows.entries()) {
      expect(row.seq).toMatch(/^\d+$/);
      expect(row.rowHash).toMatch(/^[0-9a-f]{64}$/);
      if (index > 0) expect(row.prevHash).toBe(rows[index - 1]!.rowHash);
    }
    const csv = await t.app.request(base, {
      headers: { accept: 'text/csv', 'x-api-key': DEMO_API_KEY },
    });
    const [header, first] = (await csv.text()).split('\r\n');
    const columns = header!.split(',');
    expect(columns).toEqual(expect.arrayContaining(['seq', 'prevHash', 'rowHash']));
    const values = first!.split(',');
    expect(values[columns.indexOf('rowHash')]).toBe(rows[0]!.rowHash);
    expect(values[columns.indexOf('seq')]).toBe(rows[0]!.seq);
  });

  it('verifies an untouched export', async () => {
    expect(await verifyExport(lines)).toEqual({ rows: 4 });
  });

  it('finds a tampered row', async () => {
    const tampered = [...lines];
    tampered[2] = tampered[2]!.replace('"declined"', '"accepted"');
    expect(await verifyExport(tampered)).toMatchObject({
      rows: 2,
      broken: { line: 3, reason: 'the row content does not match its hash (edited)' },
    });
  });

  it('finds a removed row, and a filtered export verifies row by row with rowsOnly', async () => {
    const removed = lines.filter((_, index) => index !== 1);
    expect((await verifyExport(removed)).broken).toMatchObject({ line: 2 });
    expect((await verifyExport(removed)).broken!.reason).toContain('was removed');
    const filtered = await exportLines('?label=marketing');
    expect(filtered).toHaveLength(1);
    expect(await verifyExport([...lines.slice(0, 1), ...filtered], { rowsOnly: true })).toEqual({
      rows: 2,
    });
  });

  it('checks a file with npm run verify -- --file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'assent-export-'));
    const good = join(dir, 'export.ndjson');
    const bad = join(dir, 'tampered.ndjson');
    await writeFile(good, `${lines.join('\n')}\n`);
    await writeFile(
      bad,
      `${lines.map((line, i) => (i === 2 ? line.replace('u-1', 'u-2') : line)).join('\n')}\n`,
    );
    const run = (file: string) =>
      promisify(execFile)('npx', ['tsx', 'server/verify.ts', '--file', file], {
        cwd: process.cwd(),
      });
    const ok = await run(good);
    expect(ok.stdout).toContain('4 rows');
    const failed = await run(bad).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('BROKEN');
  }, 30_000);
});
