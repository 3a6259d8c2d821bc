import type { ProfileIdentifiers } from '../api/site-api.ts';
import { isDecisionValid } from '../core/decision.ts';
import { PERSON_IDENTIFIERS } from '../core/identifiers.ts';
import type { ConsentEventRecord, ConsentType, Decision } from '../core/types.ts';

/** The identifiers a page gave, trimmed, without empty or unknown fields; `undefined` if none. */
export function cleanIdentifiers(value: unknown): ProfileIdentifiers | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const cleaned: ProfileIdentifiers = {};
  for (const key of PERSON_IDENTIFIERS) {
    const field = (value as Record<string, unknown>)[key];
    if (typeof field === 'string' && field.trim()) cleaned[key] = field.trim();
  }
  return Object.keys(cleaned).length ? cleaned : undefined;
}

/**
 * The decisions of the merged server state this browser should adopt: valid ones that are more
 * recent than its own valid decision on the same type (most recent wins across devices). A
 * `test` type's decisions count only in preview, as everywhere else.
 */
export function decisionsToAdopt(
  records: ConsentEventRecord[],
  local: Record<string, Decision>,
  types: ConsentType[],
  now: Date,
  preview = false,
): Record<string, Decision> {
  const byLabel = new Map(types.map((type) => [type.label, type]));
  const adopted: Record<string, Decision> = {};
  for (const record of records) {
    const type = record.label ? byLabel.get(record.label) : undefined;
    if (!type || record.consentState === 'viewed') continue;
    const decision: Decision = {
      label: type.label,
      consentType: record.consentType ?? type.id,
      version: record.version ?? type.version,
      state: record.consentState,
      action: record.consentAction,
      consentDate: record.consentDate,
      expirationDate: record.expirationDate,
      eventId: record.id,
    };
    if (!isDecisionValid(decision, type, now, preview)) continue;
    const mine = local[type.label];
    if (mine?.eventId === record.id) continue;
    if (
      mine &&
      isDecisionValid(mine, type, now, preview) &&
      Date.parse(mine.consentDate) >= Date.parse(record.consentDate)
    ) {
      continue;
    }
    adopted[type.label] = decision;
  }
  return adopted;
}
