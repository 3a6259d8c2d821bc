import { isDecisionValid } from '../../src/core/decision.ts';
import type { ConsentStateItem } from '../../src/core/types.ts';
import type { Queryable } from '../db/database.ts';
import { findLatestDecisions } from '../db/repositories/consent-events.ts';
import type { ProjectCache } from '../projects/cache.ts';

/**
 * The merged state of a visitor: per consent type, the latest decision across every visitor id
 * linked to the same person, if it is still valid under the rules the widget applies (src/core).
 * A latest decision that expired is no decision: an older one does not come back. One query for
 * every label; the consent types come from the project cache, as on the write path.
 *
 * Issue 22 §1: each decision carries only what the widget needs to adopt it, never the other
 * visitor's id, session, domain, address or browser; and a decision dated after the server's
 * clock is not counted (it was not made yet, and would win most-recent-wins for ever).
 */
export async function readConsentState(
  projectId: string,
  concordId: string,
  now: Date,
  { db, projects }: { db: Queryable; projects: ProjectCache },
): Promise<{ items: ConsentStateItem[] }> {
  const [decisions, config] = await Promise.all([
    findLatestDecisions(db, projectId, concordId, now),
    projects.get(projectId),
  ]);
  const byLabel = new Map(config?.types.map((type) => [type.label, type]));
  const items: ConsentStateItem[] = [];
  for (const { record } of decisions) {
    const type = record.label ? byLabel.get(record.label) : undefined;
    if (!type) continue;
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
    if (!valid) continue;
    items.push({
      id: record.id,
      label: type.label,
      ...(record.consentType !== undefined && { consentType: record.consentType }),
      ...(record.version !== undefined && { version: record.version }),
      consentState: record.consentState,
      consentAction: record.consentAction,
      consentDate: record.consentDate,
      expirationDate: record.expirationDate,
    });
  }
  return { items };
}
