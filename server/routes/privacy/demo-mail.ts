import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { apiKeyAuth } from '../../middleware/api-key-auth.ts';
import { listSentMessageIds } from '../../db/repositories/consent-links.ts';

/** A received mail as the demo's catcher keeps it. */
export interface DemoMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  receivedAt: string;
}

/**
 * The mail the demo's loopback catcher (`ASSENT_DEMO_MAIL=1`) received for this organization's
 * consent links (matched by Message-ID, so that no organization sees another's), newest first,
 * for the console's Links page. Without the catcher it answers `enabled: false` and no mail, so
 * that the console asks without a 404 in the browser's console.
 */
export function privacyDemoMailRoutes(
  { db, now }: RouteDeps,
  mails: (() => readonly DemoMail[]) | undefined,
) {
  return new Hono<AppEnv>().get(
    '/privacy-v1/organizations/:organizationId/demo-mail',
    apiKeyAuth(db, 'read', now),
    async (c) => {
      if (!mails) return c.json({ enabled: false, count: 0, items: [] });
      const ids = new Set(await listSentMessageIds(db, c.req.param('organizationId')));
      const items = mails()
        .filter((mail) => ids.has(mail.headers['message-id'] ?? ''))
        .map(({ to, subject, text, html, receivedAt }) => ({ to, subject, text, html, receivedAt }))
        .reverse();
      return c.json({ enabled: true, count: items.length, items });
    },
  );
}
