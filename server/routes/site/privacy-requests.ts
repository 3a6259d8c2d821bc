import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { httpError } from '../../http/http-error.ts';
import { compileSchema } from '../../http/request-schema.ts';
import { requireUuid } from '../../http/uuid.ts';
import { sessionAuth } from '../../middleware/session-auth.ts';
import { createRateLimiter } from '../../middleware/rate-limit.ts';
import { sha256 } from '../../crypto/sha256.ts';
import { insertAuditEntry } from '../../db/repositories/audit-entries.ts';
import {
  countCodeAttempt,
  findPrivacyRequest,
  findSessionGeography,
  insertPrivacyRequest,
  PRIVACY_REQUEST_KINDS,
  updatePrivacyRequest,
  type PrivacyRequestKind,
} from '../../db/repositories/privacy-requests.ts';
import {
  CODE_ATTEMPTS,
  CODE_TTL_MS,
  codeMail,
  dueDate,
  verificationCode,
} from '../../requests/privacy-request.ts';

const checkRequest = compileSchema<{
  kind: PrivacyRequestKind;
  email: string;
  details?: string;
  language?: string;
}>({
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'email'],
  properties: {
    kind: { enum: [...PRIVACY_REQUEST_KINDS] },
    email: { type: 'string', format: 'email', maxLength: 254 },
    details: { type: 'string', maxLength: 2000 },
    language: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
  },
});
const checkCode = compileSchema<{ code: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['code'],
  properties: { code: { type: 'string', pattern: '^[0-9]{6}$' } },
});

/** Requests a session may file: a few, then one every ten minutes (each sends a mail). */
const PER_SESSION = { burst: 3, perSecond: 1 / 600 };

/**
 * `POST /site-v1/{projectId}/privacy-requests` `{kind, email, details?}` files a request for the
 * session's visitor and mails a code to the email; `POST …/privacy-requests/{id}/verify` `{code}`
 * confirms it (`verified`). Rate-limited per session; a code lasts 30 minutes and takes five wrong
 * tries. The answer never says whether the email is known.
 */
export function sitePrivacyRequestRoutes({ db, projects, now, secret, mailer }: RouteDeps) {
  const limiter = createRateLimiter(PER_SESSION, now);
  return new Hono<AppEnv>()
    .post('/site-v1/:projectId/privacy-requests', sessionAuth(secret, now), async (c) => {
      const session = c.get('session');
      const body = checkRequest(await readJsonBody(c));
      // Per visitor, and per address so that nobody can flood someone else's mailbox.
      const wait =
        limiter.take(`session:${session.id}`) || limiter.take(`email:${body.email.toLowerCase()}`);
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw httpError(429, 'too many privacy requests; try again later');
      }
      const project = (await projects.get(session.projectId))?.project;
      if (!project) throw httpError(404, `project ${session.projectId} not found`);
      const at = now();
      const geography = (await findSessionGeography(db, project.id, session.id)) ?? 'unknown';
      const code = verificationCode();
      const id = randomUUID();
      const due = dueDate(geography, at);
      await insertPrivacyRequest(db, {
        id,
        organizationId: project.organizationId,
        projectId: project.id,
        kind: body.kind,
        email: body.email,
        concordId: session.concordId,
        ...(body.details !== undefined && { details: body.details }),
        geography,
        ...(body.language !== undefined && { language: body.language }),
        codeHash: sha256(code),
        codeExpiresAt: new Date(at.getTime() + CODE_TTL_MS).toISOString(),
        dueAt: due.toISOString(),
        createdAt: at.toISOString(),
      });
      await insertAuditEntry(db, {
        organizationId: project.organizationId,
        projectId: project.id,
        actor: 'visitor',
        action: 'privacy_request.received',
        subject: id,
        detail: { kind: body.kind, geography },
        createdAt: at,
      });
      const sent = await mailer.send({
        to: body.email,
        ...codeMail(code, body.kind, project.name),
        ...(body.language !== undefined && { language: body.language }),
      });
      return c.json(
        {
          id,
          kind: body.kind,
          status: 'received',
          dueAt: due.toISOString(),
          mailSent: sent.status === 'sent',
        },
        201,
      );
    })
    .post(
      '/site-v1/:projectId/privacy-requests/:id/verify',
      sessionAuth(secret, now),
      async (c) => {
        const session = c.get('session');
        const id = requireUuid(c.req.param('id'), 'id');
        const { code } = checkCode(await readJsonBody(c));
        const request = await findPrivacyRequest(db, session.projectId, id);
        // Only the visitor who filed it can confirm it.
        if (!request || request.concordId !== session.concordId) {
          throw httpError(404, `privacy request ${id} not found`);
        }
        if (request.status !== 'received' || !request.codeHash) {
          throw httpError(409, `the request is ${request.status}: there is nothing to verify`);
        }
        const at = now();
        if (request.codeAttempts >= CODE_ATTEMPTS || new Date(request.codeExpiresAt!) < at) {
          throw httpError(410, 'the code has expired: file the request again');
        }
        if (sha256(code) !== request.codeHash) {
          await countCodeAttempt(db, id);
          throw httpError(400, 'the code is not the one we sent');
        }
        await updatePrivacyRequest(db, id, { status: 'verified', at });
        await insertAuditEntry(db, {
          organizationId: request.organizationId,
          projectId: request.projectId,
          actor: 'visitor',
          action: 'privacy_request.verified',
          subject: id,
          detail: {},
          createdAt: at,
        });
        return c.json({ id, status: 'verified', dueAt: request.dueAt });
      },
    );
}
