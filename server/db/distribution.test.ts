import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsentEventWriter } from '../consent-events/writer.ts';
import { createProjectCache } from '../projects/cache.ts';
import { DEMO_PROJECT_ID } from '../projects/seed.ts';
import { guardDistribution } from '../testing/distribution-guard.ts';
import { createTestContext, type TestContext } from '../testing/test-context.ts';
import type { Database } from './database.ts';
import {
  boundProjects,
  ORGANIZATION_TABLES,
  PROJECT_TABLES,
  REFERENCE_TABLES,
  refuseStatement,
} from './distribution.ts';

const REPOSITORIES = fileURLToPath(new URL('./repositories/', import.meta.url));
const SQL_START = /^\s*(?:\/\*[^]*?\*\/\s*)?(?:select|insert|update|delete|with)\b/i;

/** Every SQL text of the repositories, `${…}` parts as `?`, with where it is. */
function repositoryStatements(): { at: string; sql: string }[] {
  const found: { at: string; sql: string }[] = [];
  for (const name of readdirSync(REPOSITORIES).filter((file) => file.endsWith('.ts'))) {
    const source = ts.createSourceFile(
      name,
      readFileSync(`${REPOSITORIES}${name}`, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    const visit = (node: ts.Node) => {
      let sql: string | undefined;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) sql = node.text;
      else if (ts.isTemplateExpression(node)) {
        sql = node.head.text + node.templateSpans.map((span) => ` ? ${span.literal.text}`).join('');
      }
      if (sql !== undefined && SQL_START.test(sql)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push({ at: `${name}:${line}`, sql });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const OTHER_PROJECT = '00000000-0000-4000-8000-0000000000ff';

describe('distribution readiness (Citus, by project_id)', () => {
  it('finds every repository statement on a per-project table filtered by its project', () => {
    const statements = repositoryStatements();
    // The scan reads the repositories' SQL, not nothing: dozens of statements.
    expect(statements.length).toBeGreaterThan(60);
    const perProject = statements.filter(({ sql }) =>
      Object.keys(PROJECT_TABLES).some((table) => new RegExp(`\\b${table}\\b`).test(sql)),
    );
    expect(perProject.length).toBeGreaterThanOrEqual(25);
    const refused = statements
      .map(({ at, sql }) => ({ at, refusal: refuseStatement(sql) }))
      .filter(({ refusal }) => refusal !== undefined);
    expect(refused).toEqual([]);
  });

  it('refuses a statement that does not say which project it is about', () => {
    expect(refuseStatement('select * from consent_events where id = $1')).toMatch(
      /consent_events is not filtered by project_id/,
    );
    expect(
      refuseStatement(
        `select * from consent_event_ids i join consent_events e on e.seq = i.seq
          where i.project_id = $1`,
      ),
    ).toMatch(/consent_events \(e\) is not filtered/);
    expect(refuseStatement('update sessions set domain = $2 where id = $1')).toMatch(/sessions/);
    expect(refuseStatement('delete from webhook_endpoints where id = $1')).toMatch(/webhook/);
    expect(refuseStatement('insert into profile_links (kind, value) values ($1, $2)')).toMatch(
      /profile_links/,
    );
  });

  it('accepts filters, co-located joins, inserted project columns and marked cross-project reads', () => {
    expect(refuseStatement('select * from consent_events e where e.project_id = $1')).toBe(
      undefined,
    );
    expect(
      refuseStatement(
        `select * from consent_event_ids i
           join consent_events e on e.project_id = i.project_id and e.seq = i.seq
          where i.project_id = $1`,
      ),
    ).toBe(undefined);
    expect(
      refuseStatement('insert into sessions (id, project_id, concord_id) values ($1, $2, $3)'),
    ).toBe(undefined);
    expect(
      refuseStatement('/* every project: verify */ select project_id from consent_event_chains'),
    ).toBe(undefined);
    // Organizations, accounts and projects are reference tables: on every node.
    expect(refuseStatement('select id from projects where organization_id = $1')).toBe(undefined);
  });

  it('reads the projects a statement binds from its parameters', () => {
    expect(
      boundProjects('select 1 from sessions where project_id = $2 and id = $1', [
        'x',
        OTHER_PROJECT,
      ]),
    ).toEqual([OTHER_PROJECT]);
    expect(
      boundProjects('insert into consent_types (id, project_id, label) values ($1, $2, $3)', [
        'a',
        DEMO_PROJECT_ID,
        'analytics',
      ]),
    ).toEqual([DEMO_PROJECT_ID]);
  });
});

describe('the run-time distribution guard', () => {
  let t: TestContext;
  let guarded: Database;
  beforeAll(async () => {
    t = await createTestContext();
    // Every statement checked, not only the repositories': this test's own SQL included.
    guarded = guardDistribution(t.db, () => true);
  }, 60_000);
  afterAll(() => t.db.close());

  it('knows where every table of the schema goes: by project, on every node, or by organization', async () => {
    // A table a migration adds must be placed here first, or statements on it go unchecked.
    const { rows } = await t.db.query<{ table_name: string; by_project: boolean }>(
      `select c.relname as table_name,
              exists (select 1 from pg_attribute a
                       where a.attrelid = c.oid and a.attname = 'project_id'
                         and not a.attisdropped) as by_project
         from pg_class c
        where c.relnamespace = current_schema()::regnamespace
          and c.relkind in ('r', 'p') and not c.relispartition
        order by 1`,
    );
    const placed = new Set([
      ...Object.keys(PROJECT_TABLES),
      ...REFERENCE_TABLES,
      ...ORGANIZATION_TABLES,
    ]);
    expect(rows.filter((row) => !placed.has(row.table_name)).map((row) => row.table_name)).toEqual(
      [],
    );
    // A table with a project column is distributed by it unless it is an organization's.
    expect(
      rows
        .filter((row) => row.by_project && !ORGANIZATION_TABLES.includes(row.table_name))
        .map((row) => row.table_name)
        .filter((table) => !(table in PROJECT_TABLES)),
    ).toEqual([]);
  });

  it('fails a transaction that touches two projects and keeps nothing of it', async () => {
    await expect(
      guarded.transaction(async (tx) => {
        await tx.query('select 1 from consent_event_chains where project_id = $1', [
          DEMO_PROJECT_ID,
        ]);
        await tx.query('select 1 from consent_event_chains where project_id = $1', [OTHER_PROJECT]);
      }),
    ).rejects.toThrow(/a transaction touches two projects/);
  });

  it('fails a statement on a per-project table without its project', async () => {
    await expect(guarded.query('select count(*) from consent_events')).rejects.toThrow(
      /not distributable: consent_events is not filtered by project_id/,
    );
  });

  it('lets the writer record a batch: one project per transaction, every statement routed', async () => {
    const writer = createConsentEventWriter(guarded, createProjectCache(guarded));
    const records = await writer.record({
      projectId: DEMO_PROJECT_ID,
      items: [
        {
          userId: 'distribution-guard',
          label: 'analytics',
          consentState: 'accepted',
          consentAction: 'user_click',
        },
      ],
      now: new Date(),
    });
    expect(records).toHaveLength(1);
  });
});
