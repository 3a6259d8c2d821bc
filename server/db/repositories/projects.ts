import type { PolicyTable } from '../../../src/core/jurisdiction.ts';
import type {
  ConsentPolicy,
  FloatingButtonPosition,
  NoticeLayout,
  ThemeMode,
  GoogleConsentModeOptions,
  GppSettings,
  NoticeTexts,
  TcfSettings,
} from '../../../src/core/types.ts';
import type { Queryable } from '../database.ts';

/**
 * How the notice is shown, per project (issue 14); a script tag's `data-layout`, `data-theme`,
 * `data-blocking` and `data-floating-button` still win over it.
 */
export interface ProjectDisplay {
  layout?: NoticeLayout;
  theme?: ThemeMode;
  blocking?: boolean;
  floatingButton?: boolean | FloatingButtonPosition;
}

/** A project as the site API needs it. */
export interface Project {
  id: string;
  organizationId: string;
  name: string;
  /** Unique in its organization (`accounts/slug.ts`); its id when not given at creation. */
  slug?: string;
  /** Exact origins (`https://shop.example`) or the word `loopback`. */
  allowedOrigins: string[];
  defaultConsentDuration: string;
  /** How long a refusal keeps the notice away at least (ISO 8601; `P6M` by default, issue 17). */
  declineDuration?: string;
  texts: Record<string, NoticeTexts>;
  defaultLanguage: string;
  privacyPolicyUrl?: string;
  theme: { accent: string };
  googleConsentMode?: GoogleConsentModeOptions;
  reloadOnWithdrawal?: boolean;
  /** Which policy applies where; the built-in table when absent. */
  policies?: PolicyTable;
  display?: ProjectDisplay;
  /** IAB GPP (issue 21); off when absent. */
  gpp?: GppSettings;
  /**
   * How long a consent record is kept after it expires (ISO 8601, migration 076).
   * @default 'P5Y'
   */
  retention?: string;
  /** The IAB TCF settings (issue 20); absent until set. */
  tcf?: TcfSettings;
}

/** The retention of a project that sets none (migration 076's default). */
export const DEFAULT_RETENTION = 'P5Y';

interface ProjectRow {
  id: string;
  organization_id: string;
  name: string;
  slug: string;
  allowed_origins: string[];
  default_consent_duration: string;
  decline_duration: string;
  notice_texts: Record<string, NoticeTexts>;
  default_language: string;
  privacy_policy_url: string | null;
  theme: { accent: string };
  google_consent_mode: GoogleConsentModeOptions | null;
  reload_on_withdrawal: boolean;
  policies: PolicyTable | null;
  display: ProjectDisplay | null;
  gpp: GppSettings | null;
  retention: string;
  tcf: TcfSettings | null;
  config_version: string;
}

const PROJECT_COLUMNS = `id, organization_id, name, slug, allowed_origins, default_consent_duration,
  decline_duration, notice_texts, default_language, privacy_policy_url, theme, google_consent_mode,
  reload_on_withdrawal, policies, display, gpp, retention, tcf, config_version::text as config_version`;

function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    slug: row.slug,
    allowedOrigins: row.allowed_origins,
    defaultConsentDuration: row.default_consent_duration,
    declineDuration: row.decline_duration,
    texts: row.notice_texts,
    defaultLanguage: row.default_language,
    ...(row.privacy_policy_url !== null && { privacyPolicyUrl: row.privacy_policy_url }),
    theme: row.theme,
    ...(row.google_consent_mode !== null && { googleConsentMode: row.google_consent_mode }),
    ...(row.reload_on_withdrawal && { reloadOnWithdrawal: true }),
    ...(row.policies !== null && { policies: row.policies }),
    ...(row.display !== null && { display: row.display }),
    ...(row.gpp !== null && { gpp: row.gpp }),
    retention: row.retention,
    ...(row.tcf !== null && { tcf: row.tcf }),
  };
}

export async function findProject(db: Queryable, id: string): Promise<Project | undefined> {
  return (await findVersionedProject(db, id))?.project;
}

/**
 * The project with its `config_version`, which moves on every change to the project or its
 * consent types (migration 030): what a cache compares to know it is current.
 */
export async function findVersionedProject(
  db: Queryable,
  id: string,
): Promise<{ project: Project; version: string } | undefined> {
  const { rows } = await db.query<ProjectRow>(
    `select ${PROJECT_COLUMNS} from projects where id = $1`,
    [id],
  );
  const row = rows[0];
  return row && { project: toProject(row), version: row.config_version };
}

/** Inserts the project unless one with its id exists. */
export async function ensureProject(db: Queryable, project: Project) {
  await db.query(
    `insert into projects (id, organization_id, name, allowed_origins, default_consent_duration,
                           notice_texts, default_language, privacy_policy_url, theme,
                           google_consent_mode, reload_on_withdrawal, slug)
     values ($1, $2, $3, $4::text::jsonb, $5, $6::text::jsonb, $7, $8, $9::text::jsonb,
             $10::text::jsonb, $11, $12)
     on conflict (id) do nothing`,
    [
      project.id,
      project.organizationId,
      project.name,
      JSON.stringify(project.allowedOrigins),
      project.defaultConsentDuration,
      JSON.stringify(project.texts),
      project.defaultLanguage,
      project.privacyPolicyUrl ?? null,
      JSON.stringify(project.theme),
      project.googleConsentMode ? JSON.stringify(project.googleConsentMode) : null,
      project.reloadOnWithdrawal ?? false,
      project.slug ?? project.id,
    ],
  );
}

/** Adds an exact origin (or `loopback`) to a project's allowlist; `false` when no such project. */
export async function addAllowedOrigin(db: Queryable, projectId: string, origin: string) {
  const { rows } = await db.query(
    `update projects set allowed_origins = case
         when allowed_origins @> $2::text::jsonb then allowed_origins
         else allowed_origins || $2::text::jsonb end
      where id = $1 returning id`,
    [projectId, JSON.stringify([origin])],
  );
  return rows.length === 1;
}

/**
 * Sets the policy of one region (`US-CA`, `US`) or of every other place (`default`), starting
 * from the built-in table the first time.
 */
export async function setPolicy(
  db: Queryable,
  projectId: string,
  region: string,
  policy: ConsentPolicy,
  builtIn: PolicyTable,
) {
  const project = await findProject(db, projectId);
  if (!project) return false;
  const table = project.policies ?? builtIn;
  const next: PolicyTable =
    region === 'default'
      ? { ...table, default: policy }
      : { ...table, regions: { ...table.regions, [region]: policy } };
  await db.query(`update projects set policies = $2::text::jsonb where id = $1`, [
    projectId,
    JSON.stringify(next),
  ]);
  return true;
}

export async function listProjects(db: Queryable): Promise<
  {
    id: string;
    organizationId: string;
    name: string;
    slug: string;
    allowedOrigins: string[];
  }[]
> {
  const { rows } = await db.query<{
    id: string;
    organization_id: string;
    name: string;
    slug: string;
    allowed_origins: string[];
  }>(
    'select id, organization_id, name, slug, allowed_origins from projects order by created_at, id',
  );
  return rows.map((row) => ({
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    slug: row.slug,
    allowedOrigins: row.allowed_origins,
  }));
}

/** The id of the organization's project called `slug`. */
export async function findProjectIdBySlug(
  db: Queryable,
  organizationId: string,
  slug: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    'select id from projects where organization_id = $1 and slug = $2',
    [organizationId, slug],
  );
  return rows[0]?.id;
}

/** The organization's projects' ids, oldest first. */
export async function listOrganizationProjectIds(
  db: Queryable,
  organizationId: string,
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    'select id from projects where organization_id = $1 order by created_at, id',
    [organizationId],
  );
  return rows.map((row) => row.id);
}

/** Whether a project of the organization other than `exceptId` has `slug`. */
export async function isProjectSlugTaken(
  db: Queryable,
  organizationId: string,
  slug: string,
  exceptId?: string,
) {
  const { rows } = await db.query(
    `select 1 from projects
      where organization_id = $1 and slug = $2 and id is distinct from $3::uuid`,
    [organizationId, slug, exceptId ?? null],
  );
  return rows.length > 0;
}

/**
 * Sets a project's slug; `false` when there is no such project. Bumps `config_version` like any
 * change of the project (migration 030), so that caches read it again.
 */
export async function setProjectSlug(db: Queryable, id: string, slug: string) {
  const { rows } = await db.query('update projects set slug = $2 where id = $1 returning id', [
    id,
    slug,
  ]);
  return rows.length === 1;
}

/** What the Privacy API's PATCH of a project may change. */
export interface ProjectChange {
  name?: string;
  slug?: string;
  allowedOrigins?: string[];
  policies?: PolicyTable;
  display?: ProjectDisplay;
  texts?: Record<string, NoticeTexts>;
  defaultLanguage?: string;
  privacyPolicyUrl?: string | null;
  gpp?: GppSettings;
  retention?: string;
  tcf?: TcfSettings;
  declineDuration?: string;
}

const CHANGE_COLUMNS: Record<keyof ProjectChange, [column: string, json: boolean]> = {
  name: ['name', false],
  slug: ['slug', false],
  allowedOrigins: ['allowed_origins', true],
  policies: ['policies', true],
  display: ['display', true],
  texts: ['notice_texts', true],
  defaultLanguage: ['default_language', false],
  privacyPolicyUrl: ['privacy_policy_url', false],
  gpp: ['gpp', true],
  retention: ['retention', false],
  tcf: ['tcf', true],
  declineDuration: ['decline_duration', false],
};

/** Applies a change to a project; `false` when there is no such project. */
export async function updateProject(db: Queryable, id: string, change: ProjectChange) {
  const sets: string[] = [];
  const values: unknown[] = [id];
  for (const [field, value] of Object.entries(change)) {
    const [column, json] = CHANGE_COLUMNS[field as keyof ProjectChange];
    values.push(json ? JSON.stringify(value) : value);
    sets.push(`${column} = $${values.length}${json ? '::text::jsonb' : ''}`);
  }
  if (sets.length === 0) return (await findProject(db, id)) !== undefined;
  const { rows } = await db.query(
    `update projects set ${sets.join(', ')} where id = $1 returning id`,
    values,
  );
  return rows.length === 1;
}

/**
 * The secret the project's backend signs identity tokens with (migration 032); `undefined` when
 * the project has none or does not exist. Never part of `Project`: nothing the site API answers
 * can carry it.
 */
export async function findIdentitySecret(
  db: Queryable,
  projectId: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ identity_secret: string | null }>(
    'select identity_secret from projects where id = $1',
    [projectId],
  );
  return rows[0]?.identity_secret ?? undefined;
}

/** Sets a project's identity secret; `false` when no such project. */
export async function setIdentitySecret(
  db: Queryable,
  projectId: string,
  secret: string,
): Promise<boolean> {
  const { rows } = await db.query(
    'update projects set identity_secret = $2 where id = $1 returning id',
    [projectId, secret],
  );
  return rows.length > 0;
}
