import { isDecisionValid } from '../../src/core/decision.ts';
import type { ConsentEventRecord } from '../../src/core/types.ts';
import type { Queryable } from '../db/database.ts';
import { findLatestDecisions } from '../db/repositories/consent-events.ts';
import type { ProjectCache } from '../projects/cache.ts';

/**
 * The merged state of a visitor: per consent type, the latest decision across every visitor id
 * linked to the same person, if it is still valid under the rules the widget applies (src/core).
 * A latest decision that expired is no decision: an older one does not come back. One query for
 * every label; the consent types come from the project cache, as on the write path.
 */
export async function readConsentState(
  projectId: string,
  concordId: string,
  now: Date,
  { db, projects }: { db: Queryable; projects: ProjectCache },
): Promise<{ items: ConsentEventRecord[] }> {
  const [decisions, config] = await Promise.all([
    findLatestDecisions(db, projectId, concordId),
    projects.get(projectId),
  ]);
  const byLabel = new Map(config?.types.map((type) => [type.label, type]));
  const items: ConsentEventRecord[] = [];
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
    if (valid) items.push(record);
  }
  return { items };
}
