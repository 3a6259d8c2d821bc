import { CLOCK_SKEW_MS } from '../core/clock-skew.ts';
import { isDecisionValid } from '../core/decision.ts';
import { readIdentityClaims, type IdentityClaims } from '../core/identity-token.ts';
import type { ConsentStateItem, ConsentType, Decision } from '../core/types.ts';

/**
 * What `assent.identify` takes: only `{ token }`, an identity token the site's backend signed
 * (issue 22 §1); the claims, or why the call is refused before anything is sent. An identifiers
 * object (`{ email }`) is refused: anyone can claim an email.
 */
export function readIdentifyInput(
  input: unknown,
  now: Date,
): { token: string; claims: IdentityClaims } | string {
  const token =
    typeof input === 'object' && input !== null ? (input as { token?: unknown }).token : undefined;
  if (typeof token !== 'string') return 'identify needs { token }';
  const claims = readIdentityClaims(token, now);
  return typeof claims === 'string' ? `identity token: ${claims}` : { token, claims };
}

/**
 * The decisions of the merged server state this browser should adopt: valid ones that are more
 * recent than its own valid decision on the same type (most recent wins across devices). A
 * `test` type's decisions count only in preview, as everywhere else. A decision dated after now
 * (beyond {@link CLOCK_SKEW_MS}) was not made yet and is never adopted: otherwise a future date
 * would win most-recent-wins for ever (issue 22 §1).
 */
export function decisionsToAdopt(
  records: ConsentStateItem[],
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
    const decidedAt = Date.parse(record.consentDate);
    if (!(decidedAt <= now.getTime() + CLOCK_SKEW_MS)) continue;
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
      Date.parse(mine.consentDate) >= decidedAt
    ) {
      continue;
    }
    adopted[type.label] = decision;
  }
  return adopted;
}
