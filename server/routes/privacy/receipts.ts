import { Hono, type Context } from 'hono';
import { NOTICE_HASH_PATTERN } from '../../../src/core/proof.ts';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { apiKeyAuth } from '../../middleware/api-key-auth.ts';
import { httpError } from '../../http/http-error.ts';
import { requireUuid } from '../../http/uuid.ts';
import { requireOrganizationProject } from '../../projects/organization-project.ts';
import { findNoticeSnapshot } from '../../db/repositories/notice-snapshots.ts';
import { buildReceipt, type ConsentReceipt } from '../../receipts/receipt.ts';
import { RECEIPT_CSP, renderReceiptPage } from '../../receipts/receipt-page.ts';

const PROJECT = '/privacy-v1/organizations/:organizationId/projects/:projectId';
const HASH = new RegExp(NOTICE_HASH_PATTERN);

/** A receipt as JSON, or as the printable page when the client asks for HTML. */
export function answerReceipt(c: Context<AppEnv>, receipt: ConsentReceipt, html: boolean) {
  if (!html) return c.json(receipt);
  return c.html(renderReceiptPage(receipt), 200, {
    'Content-Security-Policy': RECEIPT_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
}

/** `?format=html`, or a browser's `Accept: text/html` (a link opened from the console). */
export const wantsHtml = (c: Context<AppEnv>) =>
  c.req.query('format') === 'html' ||
  (c.req.query('format') !== 'json' && /\btext\/html\b/.test(c.req.header('accept') ?? ''));

/** The Privacy API's proof: notice snapshots by hash and consent receipts (issue 17). */
export function privacyReceiptRoutes({ db, projects, now }: RouteDeps) {
  return new Hono<AppEnv>()
    .get(`${PROJECT}/notice-snapshots/:hash`, apiKeyAuth(db, 'read', now), async (c) => {
      const project = await requireOrganizationProject(projects, c.req.param());
      const hash = c.req.param('hash');
      if (!HASH.test(hash)) throw httpError(400, 'hash must be a SHA-256 in lowercase hex');
      const snapshot = await findNoticeSnapshot(db, project.id, hash);
      if (!snapshot) throw httpError(404, `notice snapshot ${hash} not found`);
      return c.json(snapshot);
    })
    .get(`${PROJECT}/consent-events/:id/receipt`, apiKeyAuth(db, 'read', now), async (c) => {
      const project = await requireOrganizationProject(projects, c.req.param());
      const id = requireUuid(c.req.param('id'), 'id');
      const config = await projects.get(project.id);
      const receipt = await buildReceipt(db, project.id, id, config?.types ?? [], now());
      if (!receipt) throw httpError(404, `consent event ${id} not found`);
      return answerReceipt(c, receipt, wantsHtml(c));
    });
}
