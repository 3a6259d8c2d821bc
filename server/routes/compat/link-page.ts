import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { preferenceLabels, withDisclosures } from '../../../src/core/choice.ts';
import type { ConsentState, ConsentType, Decision } from '../../../src/core/types.ts';
import { CONSENT_STATES } from '../../../src/core/consent-type.ts';
import { isSameOrigin } from '../../accounts/member-session.ts';
import { errorBody, httpError } from '../../http/http-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { compileSchema } from '../../http/request-schema.ts';
import { readConsentState } from '../../consent-events/state.ts';
import { personConcordId } from '../../people/person-id.ts';
import { findPersonIdentifiers } from '../../db/repositories/person-identifiers.ts';
import { findOrganizationBySlug } from '../../db/repositories/organizations.ts';
import {
  findCollectionPoint,
  type CollectionPoint,
} from '../../db/repositories/collection-points.ts';
import {
  appendLinkAudit,
  findConsentLink,
  type ConsentLink,
} from '../../db/repositories/consent-links.ts';
import {
  LINK_PAGE_CSP,
  LINK_PAGE_CSS,
  LINK_PAGE_CSS_PATH,
  renderLinkPage,
  renderMessagePage,
} from '../../links/link-page.ts';
import { choosePageLanguage } from '../../links/page-language.ts';
import type { ProjectConfig } from '../../projects/cache.ts';

/**
 * First path segments that belong to other routes: a link is never looked for under them, so
 * the page's route shadows nothing (`/admin/`, `/assent/`, the APIs, the demo's files).
 */
const RESERVED = new Set([
  'admin',
  'assent',
  'api',
  'auth',
  'consents',
  'demo',
  'privacy-v1',
  'site-v1',
]);
const PAGE = '/:orgSlug/:displayId/:eventId{[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}}';
const UUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/;

const checkChoice = compileSchema<{ states: Record<string, ConsentState> }>({
  type: 'object',
  properties: {
    states: {
      type: 'object',
      minProperties: 1,
      maxProperties: 100,
      additionalProperties: { type: 'string', enum: [...CONSENT_STATES] },
    },
  },
  required: ['states'],
  additionalProperties: false,
});

interface Found {
  link: ConsentLink;
  point: CollectionPoint;
  config: ProjectConfig;
  organization: string;
}

/** The link a path names, only when every part of the path is the link's own. */
async function findLink(
  c: Context<AppEnv>,
  { db, projects }: RouteDeps,
): Promise<Found | undefined> {
  const orgSlug = c.req.param('orgSlug') ?? '';
  const displayId = c.req.param('displayId') ?? '';
  const eventId = c.req.param('eventId') ?? '';
  const id = eventId.toLowerCase();
  if (!UUID.test(id)) return undefined;
  const [organization, link] = await Promise.all([
    findOrganizationBySlug(db, orgSlug),
    findConsentLink(db, id),
  ]);
  if (!organization || !link || link.organizationId !== organization.id) return undefined;
  const point = await findCollectionPoint(db, organization.id, link.collectionPointId, true);
  if (!point || point.displayId !== decodeURIComponent(displayId)) return undefined;
  const config = await projects.get(link.projectId);
  return config && { link, point, config, organization: organization.name };
}

/** The link's person, as every event of the link names them (`phoneNumber`, `email` when given). */
const person = (link: ConsentLink) => ({
  phoneNumber: link.phone,
  ...(link.email !== null && { email: link.email }),
});

/** The collection point's types the person is asked about, in its order. */
function pointTypes(point: CollectionPoint, config: ProjectConfig): ConsentType[] {
  const types = point.consentTypes
    .map((id) => config.types.find((type) => type.id === id))
    .filter((type): type is ConsentType => type !== undefined);
  const asked = new Set(preferenceLabels(types, false, true));
  return types.filter((type) => asked.has(type.label));
}

/** The person's valid decisions on the point's types, by label. */
async function personDecisions(deps: RouteDeps, found: Found, types: ConsentType[]) {
  // The events of the link name no concordId: the writer derives it from the identifiers'
  // commitments (migration 075), which exist once the person's first event is stored.
  const commitments: Partial<Record<'phoneNumber' | 'email', string>> = {};
  for (const [kind, value] of Object.entries(person(found.link)) as [
    'phoneNumber' | 'email',
    string,
  ][]) {
    const rows = await findPersonIdentifiers(deps.db, found.link.projectId, kind, value);
    const exact = rows.find((row) => row.value === value);
    if (exact) commitments[kind] = exact.commitment;
  }
  const concordId = personConcordId(found.link.projectId, commitments);
  if (concordId === undefined) return {};
  const { items } = await readConsentState(found.link.projectId, concordId, deps.now(), deps);
  const decisions: Record<string, Decision> = {};
  for (const item of items) {
    const type = types.find((candidate) => candidate.label === item.label);
    if (!type) continue;
    decisions[type.label] = {
      label: type.label,
      consentType: type.id,
      version: item.version ?? type.version,
      state: item.consentState,
      action: item.consentAction,
      consentDate: item.consentDate,
      expirationDate: item.expirationDate,
      eventId: item.id,
    };
  }
  return decisions;
}

function page(c: Context<AppEnv>, html: string, status: 200 | 404 | 410) {
  c.header('Content-Security-Policy', LINK_PAGE_CSP);
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  return c.html(html, status);
}

/**
 * The hosted consent-link page (seed 004's `consent_link`): `GET /{orgSlug}/{displayId}/{eventId}`
 * shows the collection point's types in the widget's preference center, in the person's
 * language; `POST` on the same path records the choice as consent events of the link's person,
 * `user_click`, surface `link`, until the link expires (then 410). An id that is unknown, of
 * another organization or collection point, is a 404 that tells nothing more.
 */
export function linkPageRoutes(deps: RouteDeps) {
  const { db, now, events } = deps;
  return new Hono<AppEnv>()
    .get(LINK_PAGE_CSS_PATH, (c) => {
      c.header('Content-Type', 'text/css; charset=utf-8');
      c.header('Cache-Control', 'no-cache');
      return c.body(LINK_PAGE_CSS);
    })
    .get(PAGE, async (c, next) => {
      if (RESERVED.has(c.req.param('orgSlug'))) return next();
      const found = await findLink(c, deps);
      const accept = c.req.header('accept-language');
      if (!found) {
        return page(
          c,
          renderMessagePage('not-found', choosePageLanguage(c.req.query('lang'), accept, 'en')),
          404,
        );
      }
      const { link, point, config } = found;
      const language = choosePageLanguage(
        c.req.query('lang'),
        accept,
        config.project.defaultLanguage,
      );
      const at = now();
      if (at.getTime() >= Date.parse(link.expiresAt)) {
        await appendLinkAudit(db, link.id, 'expired_open', at, { language });
        return page(c, renderMessagePage('expired', language, found.organization), 410);
      }
      await appendLinkAudit(db, link.id, 'opened', at, { language });
      const types = pointTypes(point, config);
      return page(
        c,
        renderLinkPage({
          organization: found.organization,
          collectionPoint: point.name,
          language,
          action: c.req.path,
          expiresAt: new Date(link.expiresAt),
          types,
          decisions: await personDecisions(deps, found, types),
          texts: config.project.texts,
          defaultLanguage: config.project.defaultLanguage,
          accent: config.project.theme?.accent,
          saved: c.req.query('saved') === '1',
        }),
        200,
      );
    })
    .post(
      PAGE,
      bodyLimit({
        maxSize: 16 * 1024,
        onError: (c) => c.json(errorBody(413, 'the body is larger than 16384 bytes'), 413),
      }),
      async (c, next) => {
        if (RESERVED.has(c.req.param('orgSlug'))) return next();
        // Only the page itself posts here (no CSRF from another site into a person's consent).
        if (!isSameOrigin(c)) throw httpError(403, 'a choice must come from the link’s page');
        const found = await findLink(c, deps);
        if (!found) throw httpError(404, 'consent link not found');
        const { link, point, config } = found;
        const at = now();
        if (at.getTime() >= Date.parse(link.expiresAt))
          throw httpError(410, 'the consent link has expired');
        const { states } = checkChoice(await readJsonBody(c));
        const types = pointTypes(point, config);
        for (const label of Object.keys(states)) {
          if (!types.some((type) => type.label === label)) {
            throw httpError(422, `states: "${label}" is not asked by this collection point`);
          }
        }
        // A choice acknowledges the disclosures shown with it (DESIGN: every way of deciding).
        const decisions = await personDecisions(deps, found, types);
        const chosen = withDisclosures(states, {
          types,
          decisions,
          preview: false,
          now: at,
          defaultDuration: config.project.defaultConsentDuration,
        });
        const metadata = {
          consentLinkId: link.id,
          collectionPointId: point.id,
          collectionPointDisplayId: point.displayId,
        };
        const records = await events.record({
          projectId: link.projectId,
          now: at,
          surface: 'link',
          items: Object.entries(chosen).map(([label, state]) => ({
            ...person(link),
            consentType: types.find((type) => type.label === label)!.id,
            label,
            consentState: state,
            consentAction: 'user_click' as const,
            metadata,
          })),
        });
        await appendLinkAudit(db, link.id, 'decision', at, {
          states: chosen,
          event_ids: records.map((record) => record.id),
        });
        return c.json({ count: records.length, items: records.map((record) => record.id) }, 201);
      },
    );
}
