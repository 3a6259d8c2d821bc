/**
 * What "ready for Citus" means for the SQL (issue 19; ARCHITECTURE.md, "Past one machine"):
 * every table of a project's data is distributed by `project_id` and co-located, so a statement
 * on one of them must say which project it is about (a filter, a join or an inserted column on
 * `project_id`), and a transaction must stay in one project, or it would span nodes. The few
 * statements that read across projects on purpose (`npm run verify`, the webhook deliverer's
 * queue, an organization's list of projects) carry the SQL comment `/* every project: why *\/`
 * and never run inside a write transaction of a project. Checked by `distribution.test.ts`:
 * statically on every statement of `server/db/repositories/`, and at run time on every statement
 * the server tests make through `server/testing/test-context.ts`.
 */

/** The distributed tables and the column holding their project's id. */
export const PROJECT_TABLES: Readonly<Record<string, string>> = {
  consent_types: 'project_id',
  sessions: 'project_id',
  consent_events: 'project_id',
  consent_event_ids: 'project_id',
  consent_event_chains: 'project_id',
  consent_rollups: 'project_id',
  consent_rollup_periods: 'project_id',
  consent_rollup_day_totals: 'project_id',
  consent_rollup_splits: 'project_id',
  profile_links: 'project_id',
  visitor_secrets: 'project_id',
  webhook_endpoints: 'project_id',
  webhook_deliveries: 'project_id',
  notice_snapshots: 'project_id',
  consent_event_checkpoints: 'project_id',
  consent_event_seals: 'project_id',
  person_identifiers: 'project_id',
};

/**
 * Tables every node holds a copy of (Citus reference tables): organizations, accounts and the
 * projects themselves (configuration read on every request, changed rarely; the chain lock's
 * statement reads its `config_version` on the project's node).
 */
export const REFERENCE_TABLES = [
  'organizations',
  'projects',
  'api_keys',
  'members',
  'member_sessions',
  // The IAB's vendor lists: the same for every project.
  'gvl_documents',
  'schema_migrations',
];

/**
 * Tables of an organization's Privacy API (consent links, collection points, privacy requests,
 * their audit trails): they name a project, but are found by the organization (a display id, a
 * link's token, a request's list), so a statement on them need not say which project. On Citus
 * they are reference tables too: written a few times per person (an invitation, a request), not
 * per event, so a write's commit on every node costs little, and the hosted link page's choice
 * still commits its events on the project's node (ARCHITECTURE.md, "Past one machine").
 */
export const ORGANIZATION_TABLES = [
  'collection_points',
  'consent_links',
  'consent_link_audit',
  'privacy_requests',
  'audit_entries',
];

const EVERY_PROJECT = /\/\*\s*every project:/i;
const REFERENCE =
  /\b(from|join|into|update)\s+(?:only\s+)?([a-z_][a-z0-9_]*)(?:\s+(?:as\s+)?([a-z_][a-z0-9_]*))?/gi;
const NOT_ALIAS = new Set([
  'where',
  'on',
  'join',
  'left',
  'right',
  'inner',
  'cross',
  'order',
  'group',
  'limit',
  'select',
  'set',
  'values',
  'returning',
  'using',
  'with',
  'for',
  'union',
  'having',
  'natural',
  'full',
]);

/** The per-project tables a statement reads or writes, with the alias each goes by. */
export function projectTablesOf(sql: string): { table: string; alias: string }[] {
  const found: { table: string; alias: string }[] = [];
  for (const match of sql.matchAll(REFERENCE)) {
    const table = match[2]!.toLowerCase();
    if (!(table in PROJECT_TABLES)) continue;
    const alias = match[3] && !NOT_ALIAS.has(match[3].toLowerCase()) ? match[3] : table;
    found.push({ table, alias });
  }
  return found;
}

/**
 * Why a statement could not be routed to one project's node, or `undefined` when it can: each
 * per-project table it names is filtered, joined or inserted by its project column.
 */
export function refuseStatement(sql: string): string | undefined {
  const text = sql.replace(/\s+/g, ' ');
  if (EVERY_PROJECT.test(text)) return undefined;
  for (const { table, alias } of projectTablesOf(text)) {
    const column = PROJECT_TABLES[table]!;
    // `alias.column` or a bare `column` compared (`=`, `in`), or named in an insert's columns.
    const compared = new RegExp(
      `(?:\\b${alias}\\.|[^.a-z_])${column}\\s*(?:=|in\\b)|(?:=|\\bin)\\s*(?:\\b${alias}\\.)?${column}\\b`,
      'i',
    );
    const inserted = new RegExp(`\\binto\\s+${table}\\s*\\([^)]*\\b${column}\\b`, 'i');
    if (!compared.test(text) && !inserted.test(text)) {
      return `${table}${alias === table ? '' : ` (${alias})`} is not filtered by ${column}`;
    }
  }
  return undefined;
}

/**
 * The project ids a statement is bound to through its parameters (`project_id = $1`, an
 * insert's `$n` in the project column's place): what the run-time
 * check adds to its transaction's set.
 */
export function boundProjects(sql: string, params: readonly unknown[] = []): string[] {
  const text = sql.replace(/\s+/g, ' ');
  const ids = new Set<string>();
  const bind = (n: string) => {
    const value = params[Number(n) - 1];
    if (typeof value === 'string' && /^[0-9a-f-]{36}$/i.test(value)) ids.add(value.toLowerCase());
  };
  for (const match of text.matchAll(/\bproject_id\s*=\s*\$(\d+)/gi)) bind(match[1]!);
  for (const match of text.matchAll(/\$(\d+)(?:::uuid)?\s*=\s*[a-z_]*\.?project_id\b/gi)) {
    bind(match[1]!);
  }
  // insert into t (a, project_id, …) values ($1, $2, …): the parameter in the column's place.
  for (const match of text.matchAll(/\binto\s+([a-z_]+)\s*\(([^)]*)\)\s*values\s*\(([^)]*)\)/gi)) {
    const column = PROJECT_TABLES[match[1]!.toLowerCase()];
    if (!column) continue;
    const at = match[2]!.split(',').findIndex((name) => name.trim() === column);
    const values = match[3]!.split(',');
    const value = at >= 0 ? /^\$(\d+)/.exec(values[at]!.trim()) : null;
    if (value) bind(value[1]!);
  }
  return [...ids];
}
