import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { httpError } from '../../http/http-error.ts';
import { requireUuid } from '../../http/uuid.ts';
import { sessionAuth } from '../../middleware/session-auth.ts';
import { buildReceipt } from '../../receipts/receipt.ts';
import {
  RECEIPT_LINK_MS,
  readReceiptToken,
  signReceiptToken,
} from '../../receipts/receipt-link.ts';
import { RECEIPT_CSS, RECEIPT_CSS_PATH } from '../../receipts/receipt-page.ts';
import { answerReceipt } from '../privacy/receipts.ts';

/**
 * A visitor's own receipts (issue 17): `GET …/consent-events/{id}/receipt` with the visitor's
 * session answers the JSON receipt of one of their events, and `htmlUrl`, a short-lived link to
 * its printable page (a new tab cannot send the Bearer token). Another visitor's event is as
 * absent as a missing one.
 */
export function siteReceiptRoutes({ db, projects, now, secret }: RouteDeps) {
  const auth = sessionAuth(secret, now);
  return new Hono<AppEnv>()
    .get('/site-v1/:projectId/consent-events/:id/receipt', auth, async (c) => {
      const id = requireUuid(c.req.param('id'), 'id');
      const session = c.get('session');
      const config = await projects.get(session.projectId);
      const receipt = await buildReceipt(db, session.projectId, id, config?.types ?? [], now());
      if (!receipt || receipt.event.concordId !== session.concordId) {
        throw httpError(404, `consent event ${id} not found`);
      }
      const token = signReceiptToken(
        {
          projectId: session.projectId,
          eventId: id,
          expiresAt: new Date(now().getTime() + RECEIPT_LINK_MS).toISOString(),
        },
        secret,
      );
      const htmlUrl = new URL(`/receipt-v1/${token}`, c.req.url).toString();
      return c.json({ ...receipt, htmlUrl });
    })
    .get(RECEIPT_CSS_PATH, (c) =>
      c.body(RECEIPT_CSS, 200, {
        'Content-Type': 'text/css; charset=utf-8',
        'Cache-Control': 'public, max-age=3600',
        'X-Content-Type-Options': 'nosniff',
      }),
    )
    .get('/receipt-v1/:token', async (c) => {
      const claims = readReceiptToken(c.req.param('token'), secret, now());
      if (!claims) throw httpError(404, 'this receipt link is not valid or has expired');
      const config = await projects.get(claims.projectId);
      const receipt = await buildReceipt(
        db,
        claims.projectId,
        claims.eventId,
        config?.types ?? [],
        now(),
      );
      if (!receipt) throw httpError(404, `consent event ${claims.eventId} not found`);
      return answerReceipt(c, receipt, c.req.query('format') !== 'json');
    });
}
