import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { findTokenMember, MEMBER_TOKEN_PREFIX } from '../../accounts/member-session.ts';
import { checkApiKey, roleAllows } from '../../middleware/api-key-auth.ts';
import { httpError } from '../../http/http-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { compileSchema } from '../../http/request-schema.ts';
import { isUuid } from '../../http/uuid.ts';
import { sha256 } from '../../crypto/sha256.ts';
import { CLOCK_SKEW_MS } from '../../../src/core/clock-skew.ts';
import { findOrganization } from '../../db/repositories/organizations.ts';
import { findCollectionPoint } from '../../db/repositories/collection-points.ts';
import {
  appendLinkAudit,
  findConsentLink,
  findDefaultCallingCode,
  insertConsentLink,
  listLinkAudit,
  type ConsentLink,
} from '../../db/repositories/consent-links.ts';
import { normalizePhone } from '../../links/phone.ts';
import { linkMail } from '../../links/link-mail.ts';

export const CONSENT_LINKS_PATH = '/api/consent/consent-links';
const HOUR_MS = 60 * 60 * 1000;

interface LinkRequest {
  collection_point_id: string;
  asset_id: string;
  phone: string;
  email?: string;
  expiry_hours?: number;
  data_collection_timestamp?: string;
}

// Seed 004's fields, and nothing else.
const checkRequest = compileSchema<LinkRequest>({
  type: 'object',
  properties: {
    collection_point_id: { type: 'string', minLength: 1, maxLength: 64 },
    asset_id: { type: 'string', format: 'uuid' },
    phone: { type: 'string', minLength: 1, maxLength: 32 },
    email: { type: 'string', format: 'email', maxLength: 254 },
    expiry_hours: { type: 'integer', minimum: 1, maximum: 24 },
    data_collection_timestamp: { type: 'string', format: 'date-time' },
  },
  required: ['collection_point_id', 'asset_id', 'phone'],
  additionalProperties: false,
});

/** `2025-05-13T10:00:00+00:00`, the seed's way of writing a UTC time. */
export function seedTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}+00:00`;
}

/**
 * Who asks, for seed 004's two ways in: `X-API-Key` (scope `consent` or `admin`) or a member's
 * `Authorization: Bearer` session token, both for the organization of `X-Org-Id`. No credential
 * or an unknown one is 401; another organization's, or a viewer's write, 403.
 */
async function authenticate(c: Context<AppEnv>, { db, now }: RouteDeps, method: string) {
  const organizationId = c.req.header('x-org-id')?.trim().toLowerCase();
  const key = c.req.header('x-api-key')?.trim();
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (!key && !bearer) {
    throw httpError(401, 'an X-API-Key or an Authorization: Bearer session token is required');
  }
  if (!isUuid(organizationId)) throw httpError(400, 'X-Org-Id must be the organization’s uuid');
  if (key || !bearer!.startsWith(MEMBER_TOKEN_PREFIX)) {
    const given = key ?? bearer!;
    await checkApiKey(db, given, organizationId, 'consent');
    return { organizationId, principal: `key:${sha256(given).slice(0, 16)}` };
  }
  const member = await findTokenMember(db, bearer!, now());
  if (!member) throw httpError(401, 'the session is not valid or has expired');
  if (member.organizationId !== organizationId) {
    throw httpError(403, 'the member does not belong to this organization');
  }
  if (!roleAllows(member.role, 'consent', method)) {
    throw httpError(403, `a member with role ${member.role} cannot do this`);
  }
  return { organizationId, principal: `member:${member.id}` };
}

/** `ASSENT_PUBLIC_URL`, else the origin the request came to. */
function publicBase(c: Context<AppEnv>, publicUrl: string | undefined): string {
  return (publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
}

/** The link's audit trail as `GET …/{event_id}` answers it. */
async function trail(deps: RouteDeps, link: ConsentLink, displayId: string) {
  const at = deps.now();
  return {
    event_id: link.id,
    request_id: link.requestId,
    collection_point_id: link.collectionPointId,
    collection_point_display_id: displayId,
    asset_id: link.projectId,
    status: at.getTime() >= Date.parse(link.expiresAt) ? 'expired' : 'active',
    created_at: seedTime(new Date(link.createdAt)),
    expires_at: seedTime(new Date(link.expiresAt)),
    data_collection_timestamp: seedTime(new Date(link.dataCollectionTimestamp)),
    events: (await listLinkAudit(deps.db, link.id)).map((entry) => ({
      type: entry.kind,
      at: seedTime(new Date(entry.at)),
      ...entry.detail,
    })),
  };
}

/**
 * Seed 004: `POST /api/consent/consent-links` makes a link that lets one person (by phone, and
 * email when given) give or change the consent of a collection point on a page Assent hosts
 * (`routes/compat/link-page.ts`), and mails it when there is an email. Every step is kept in the
 * link's audit trail, which `GET /api/consent/consent-links/{event_id}` answers.
 */
export function consentLinkRoutes(deps: RouteDeps) {
  const { db, projects, now, mailer, linkLimit } = deps;
  return new Hono<AppEnv>()
    .post(CONSENT_LINKS_PATH, async (c) => {
      const { organizationId, principal } = await authenticate(c, deps, 'POST');
      const wait = linkLimit?.take(principal) ?? 0;
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw httpError(429, `too many consent links; retry in ${wait} s`);
      }
      const body = checkRequest(await readJsonBody(c));
      const at = now();
      const pointId = body.collection_point_id;
      const point = await findCollectionPoint(db, organizationId, pointId, isUuid(pointId));
      if (!point) throw httpError(404, `collection point ${pointId} not found`);
      if (point.projectId !== body.asset_id.toLowerCase()) {
        throw httpError(422, `asset_id ${body.asset_id} is not the collection point’s asset`);
      }
      const config = await projects.get(point.projectId);
      const organization = await findOrganization(db, organizationId);
      if (!config || !organization) throw httpError(404, `collection point ${pointId} not found`);
      const callingCode = (await findDefaultCallingCode(db, organizationId)) ?? '+91';
      const phone = normalizePhone(body.phone, callingCode);
      if (!phone) {
        throw httpError(
          422,
          `phone must be E.164 (+919876543210) or a 10-digit number (prefixed with ${callingCode})`,
        );
      }
      const collected = body.data_collection_timestamp
        ? new Date(body.data_collection_timestamp)
        : at;
      if (collected.getTime() > at.getTime() + CLOCK_SKEW_MS) {
        throw httpError(422, 'data_collection_timestamp is in the future');
      }
      const expiresAt = new Date(at.getTime() + (body.expiry_hours ?? 24) * HOUR_MS);
      const link: ConsentLink = {
        id: randomUUID(),
        requestId: randomUUID(),
        organizationId,
        projectId: point.projectId,
        collectionPointId: point.id,
        phone,
        email: body.email ?? null,
        createdBy: principal,
        dataCollectionTimestamp: collected.toISOString(),
        expiresAt: expiresAt.toISOString(),
        createdAt: at.toISOString(),
      };
      await db.transaction((tx) =>
        insertConsentLink(tx, link, {
          request_id: link.requestId,
          by: principal,
          collection_point_display_id: point.displayId,
          expires_at: seedTime(expiresAt),
          email_given: link.email !== null,
        }),
      );
      const consentLink = `${publicBase(c, deps.publicUrl)}/${organization.slug}/${encodeURIComponent(point.displayId)}/${link.id}`;
      const deliveryStatus: { email?: 'sent' | 'failed' } = {};
      if (link.email) {
        const result = await mailer.send(
          linkMail({
            to: link.email,
            organization: organization.name,
            collectionPoint: point.name,
            link: consentLink,
            expiresAt,
            language: config.project.defaultLanguage,
            accent: config.project.theme?.accent,
          }),
        );
        deliveryStatus.email = result.status;
        await appendLinkAudit(
          db,
          link.id,
          result.status === 'sent' ? 'email_sent' : 'email_failed',
          now(),
          result.status === 'sent' ? { message_id: result.messageId } : { reason: result.reason },
        );
      }
      return c.json(
        {
          request_id: link.requestId,
          event_id: link.id,
          consent_link: consentLink,
          expires_at: seedTime(expiresAt),
          delivery_status: deliveryStatus,
        },
        201,
      );
    })
    .get(`${CONSENT_LINKS_PATH}/:eventId`, async (c) => {
      const { organizationId } = await authenticate(c, deps, 'GET');
      const id = c.req.param('eventId');
      const link = isUuid(id) ? await findConsentLink(db, id.toLowerCase()) : undefined;
      // Another organization's link is not told apart from none.
      if (!link || link.organizationId !== organizationId) {
        throw httpError(404, `consent link ${id} not found`);
      }
      const point = await findCollectionPoint(db, organizationId, link.collectionPointId, true);
      return c.json(await trail(deps, link, point?.displayId ?? ''));
    });
}
