import { Hono } from 'hono';
import { isDecisionValid } from '../../src/core/decision.ts';
import type { ConsentEventRecord } from '../../src/core/types.ts';
import type { AppEnv } from '../http/app-env.ts';
import type { RouteDeps } from './route-deps.ts';
import type { Queryable } from '../db/database.ts';
import { findConsentEvent } from '../db/repositories/consent-events.ts';
import { listConsentTypes } from '../db/repositories/consent-types.ts';
import { latestDecisionEventIds } from '../db/repositories/profiles.ts';
import { sessionAuth } from '../middleware/session-auth.ts';

/**
 * The merged state of a visitor: per consent type, the latest decision across every visitor id
 * linked to the same person, if it is still valid under the rules the widget applies (src/core).
 * A latest decision that expired is no decision: an older one does not come back.
 */
export async function readConsentState(
  db: Queryable,
  projectId: string,
  concordId: string,
  now: Date,
): Promise<{ items: ConsentEventRecord[] }> {
  const [ids, types] = await Promise.all([
    latestDecisionEventIds(db, projectId, concordId),
    listConsentTypes(db, projectId),
  ]);
  const byLabel = new Map(types.map((type) => [type.label, type]));
  const items: ConsentEventRecord[] = [];
  for (const id of ids) {
    const record = (await findConsentEvent(db, projectId, id))?.record;
    const type = record?.label ? byLabel.get(record.label) : undefined;
    if (!record || !type) continue;
    const valid = isDecisionValid(
      {
        label: type.label,
        consentType: record.consentType ?? '',
        version: record.version ?? 0,
        state: record.consentState,
        action: record.consentAction,
        consentDate: record.consentDate,
        expirationDate: record.expirationDate,
        eventId: record.id,
      },
      type,
      now,
    );
    if (valid) items.push(record);
  }
  return { items };
}

/** `GET /site-v1/{projectId}/consent-state`: the session's visitor's merged current decisions. */
export function consentStateRoutes({ db, now, secret }: RouteDeps) {
  return new Hono<AppEnv>().get(
    '/site-v1/:projectId/consent-state',
    sessionAuth(secret, now),
    async (c) => {
      const session = c.get('session');
      return c.json(await readConsentState(db, session.projectId, session.concordId, now()));
    },
  );
}
