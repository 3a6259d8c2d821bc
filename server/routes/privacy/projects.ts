import { Hono } from 'hono';
import type { TcfSettings } from '../../../src/core/types.ts';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { DEFAULT_POLICIES } from '../../../src/core/jurisdiction.ts';
import { GPP_US_SECTIONS } from '../../../src/core/types.ts';
import {
  DEFAULT_TCF_SETTINGS,
  PURPOSE_COUNT,
  SPECIAL_FEATURE_COUNT,
  tcfSettingsProblem,
} from '../../../src/core/tcf.ts';
import { DEFAULT_DECLINE_DURATION } from '../../../src/core/consent-rules.ts';
import { parseDuration } from '../../../src/core/duration.ts';
import { apiKeyAuth } from '../../middleware/api-key-auth.ts';
import { SLUG_PATTERN } from '../../accounts/slug.ts';
import { httpError } from '../../http/http-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { compileSchema } from '../../http/request-schema.ts';
import { requireOrganizationProject } from '../../projects/organization-project.ts';
import { LOOPBACK } from '../../http/origin-rule.ts';
import {
  findProject,
  isProjectSlugTaken,
  listOrganizationProjectIds,
  updateProject,
  DEFAULT_RETENTION,
  type Project,
  type ProjectChange,
} from '../../db/repositories/projects.ts';

const ORGANIZATION = '/privacy-v1/organizations/:organizationId/projects';
const PROJECT = `${ORGANIZATION}/:projectId`;

const ids = (maximum: number, maxItems: number) => ({
  type: 'array',
  maxItems,
  uniqueItems: true,
  items: { type: 'integer', minimum: 1, maximum },
});
/** A PATCH may name some fields of `tcf`; the rest keep their values (or the defaults). */
const TCF = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    enabled: { type: 'boolean' },
    cmpId: { type: 'integer', minimum: 0, maximum: 4095 },
    cmpVersion: { type: 'integer', minimum: 1, maximum: 4095 },
    publisherCountryCode: { type: 'string', pattern: '^[A-Z]{2}$' },
    vendors: ids(65535, 1000),
    purposes: ids(PURPOSE_COUNT, PURPOSE_COUNT),
    specialFeatures: ids(SPECIAL_FEATURE_COUNT, SPECIAL_FEATURE_COUNT),
    legitimateInterestPurposes: ids(PURPOSE_COUNT, PURPOSE_COUNT),
    googleAcProviders: ids(1_000_000, 1000),
  },
};

const POLICY = { enum: ['opt-in', 'opt-out', 'notice-only'] };
const TEXT = { type: 'string', maxLength: 4000 };
const checkChange = compileSchema<Omit<ProjectChange, 'tcf'> & { tcf?: Partial<TcfSettings> }>({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    slug: { type: 'string', pattern: SLUG_PATTERN.source },
    allowedOrigins: {
      type: 'array',
      maxItems: 100,
      uniqueItems: true,
      items: {
        anyOf: [{ const: LOOPBACK }, { type: 'string', pattern: '^https?://[^/?#\\s]+$' }],
      },
    },
    policies: {
      type: 'object',
      additionalProperties: false,
      required: ['default', 'regions'],
      properties: {
        default: POLICY,
        regions: {
          type: 'object',
          maxProperties: 500,
          propertyNames: { pattern: '^[A-Z]{2}(-[A-Z0-9]{1,3})?$' },
          additionalProperties: POLICY,
        },
      },
    },
    display: {
      type: 'object',
      additionalProperties: false,
      properties: {
        layout: { enum: ['bar-bottom', 'bar-top', 'box', 'modal'] },
        theme: { enum: ['light', 'dark', 'auto'] },
        blocking: { type: 'boolean' },
        floatingButton: { anyOf: [{ type: 'boolean' }, { enum: ['left', 'right'] }] },
      },
    },
    texts: {
      type: 'object',
      maxProperties: 100,
      propertyNames: { pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        // The widget refuses a config whose texts lack one of these (`core/site-config.ts`).
        required: [
          'title',
          'description',
          'acceptAll',
          'rejectAll',
          'customize',
          'save',
          'alwaysOn',
          'privacyPolicy',
        ],
        properties: {
          title: TEXT,
          description: TEXT,
          acceptAll: TEXT,
          rejectAll: TEXT,
          customize: TEXT,
          save: TEXT,
          alwaysOn: TEXT,
          privacyPolicy: TEXT,
        },
      },
    },
    defaultLanguage: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
    privacyPolicyUrl: { anyOf: [{ type: 'null' }, { type: 'string', maxLength: 2000 }] },
    gpp: {
      type: 'object',
      additionalProperties: false,
      required: ['enabled', 'sections'],
      properties: {
        enabled: { type: 'boolean' },
        sections: {
          type: 'array',
          uniqueItems: true,
          maxItems: GPP_US_SECTIONS.length,
          items: { enum: [...GPP_US_SECTIONS] },
        },
      },
    },
    // How long a record is kept after it expires (issue 17): whole years, months or days.
    retention: { type: 'string', pattern: '^P(?!$)(\\d{1,3}Y)?(\\d{1,4}M)?(\\d{1,5}D)?$' },
    tcf: TCF,
    // How long a refusal keeps the notice away (issue 17); checked as a duration below.
    declineDuration: { type: 'string', maxLength: 40 },
  },
});

/** A project as the Privacy API shows it: its settings, the built-in policies when it has none. */
function projectView(project: Project) {
  return {
    id: project.id,
    organizationId: project.organizationId,
    name: project.name,
    slug: project.slug,
    allowedOrigins: project.allowedOrigins,
    policies: project.policies ?? DEFAULT_POLICIES,
    display: project.display ?? {},
    texts: project.texts,
    defaultLanguage: project.defaultLanguage,
    privacyPolicyUrl: project.privacyPolicyUrl ?? null,
    defaultConsentDuration: project.defaultConsentDuration,
    gpp: project.gpp ?? { enabled: false, sections: [] },
    retention: project.retention ?? DEFAULT_RETENTION,
    tcf: project.tcf ?? DEFAULT_TCF_SETTINGS,
    declineDuration: project.declineDuration ?? DEFAULT_DECLINE_DURATION,
  };
}

/** The Privacy API's projects (issue 14): list, read, change. */
export function privacyProjectRoutes({ db, projects, now }: RouteDeps) {
  return new Hono<AppEnv>()
    .get(ORGANIZATION, apiKeyAuth(db, 'read', now), async (c) => {
      const ids = await listOrganizationProjectIds(db, c.req.param('organizationId'));
      const items = [];
      for (const id of ids) {
        const project = await findProject(db, id);
        if (project) items.push(projectView(project));
      }
      return c.json({ count: items.length, items });
    })
    .get(PROJECT, apiKeyAuth(db, 'read', now), async (c) => {
      const { id } = await requireOrganizationProject(projects, c.req.param());
      return c.json(projectView((await findProject(db, id))!));
    })
    .patch(PROJECT, apiKeyAuth(db, 'admin', now), async (c) => {
      const project = await requireOrganizationProject(projects, c.req.param());
      const change = checkChange(await readJsonBody(c));
      if (change.texts && Object.keys(change.texts).length === 0) {
        throw httpError(400, 'texts must name at least one language');
      }
      if (change.declineDuration !== undefined && !parseDuration(change.declineDuration)) {
        throw httpError(
          400,
          `declineDuration "${change.declineDuration}" is not an ISO 8601 duration (such as P6M)`,
        );
      }
      const language = change.defaultLanguage ?? project.defaultLanguage;
      if (!(change.texts ?? project.texts)[language]) {
        throw httpError(400, `texts has no entry for the default language "${language}"`);
      }
      if (
        change.slug !== undefined &&
        (await isProjectSlugTaken(db, project.organizationId, change.slug, project.id))
      ) {
        throw httpError(409, `the organization already has a project with slug "${change.slug}"`);
      }
      if (change.gpp?.enabled && change.gpp.sections.length === 0) {
        throw httpError(400, 'gpp.sections must name at least one section when gpp is enabled');
      }
      const { tcf: tcfChange, ...rest } = change;
      const update: ProjectChange = rest;
      if (tcfChange) {
        const tcf = { ...(project.tcf ?? DEFAULT_TCF_SETTINGS), ...tcfChange };
        const problem = tcfSettingsProblem(tcf);
        if (problem) throw httpError(400, problem);
        update.tcf = tcf;
      }
      await updateProject(db, project.id, update);
      // This instance sees the change at once; others within the cache's time to live.
      const fresh = await projects.load(db, project.id);
      return c.json(projectView(fresh!.project));
    });
}
