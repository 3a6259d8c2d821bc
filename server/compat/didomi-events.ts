/**
 * Seed 003 (Didomi batch import): events of Didomi's shape turned into Assent consent events,
 * one per purpose. The event's `id` goes to the event of its first purpose and the others get
 * ids derived from it, and every one of them is hashed over the whole Didomi event: a retry
 * of the same body finds them all stored (no-op), another body under the same id is a 409.
 */
import { createHash } from 'node:crypto';
import type { ConsentEventRecord, ConsentType } from '../../src/core/types.ts';
import type { ConsentEventBatchItem } from '../consent-events/batch.ts';
import { httpError } from '../http/http-error.ts';
import { isUuid } from '../http/uuid.ts';

/** The most events one request takes, as Didomi documents. */
export const MAX_IMPORT_EVENTS = 100;
const MAX_FUTURE_MS = 5 * 60_000;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

export interface DidomiEvent {
  id?: string;
  created_at?: string;
  user: { organization_user_id: string; metadata?: Record<string, unknown> };
  consents: { purposes: { id: string; enabled: boolean }[] };
}

/** The events of a body (an array or one event), each checked; the first fault is a 400. */
export function readDidomiEvents(body: unknown, now: Date): DidomiEvent[] {
  const list = Array.isArray(body) ? body : [body];
  if (list.length === 0) throw httpError(400, 'the body must hold at least one event');
  if (list.length > MAX_IMPORT_EVENTS) {
    throw httpError(400, `at most ${MAX_IMPORT_EVENTS} events per request, got ${list.length}`);
  }
  const ids = new Set<string>();
  return list.map((value, index) => {
    const at = `events/${index}`;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw httpError(400, `${at} must be an object`);
    }
    const event = value as Record<string, unknown>;
    if (event.id !== undefined) {
      if (typeof event.id !== 'string' || !isUuid(event.id)) {
        throw httpError(400, `${at}/id must be a uuid`);
      }
      if (ids.has(event.id.toLowerCase())) throw httpError(400, `${at}/id is repeated`);
      ids.add(event.id.toLowerCase());
    }
    if (event.created_at !== undefined) {
      const date = typeof event.created_at === 'string' ? Date.parse(event.created_at) : NaN;
      if (!RFC3339.test(String(event.created_at)) || Number.isNaN(date)) {
        throw httpError(400, `${at}/created_at must be an RFC 3339 date-time`);
      }
      if (date > now.getTime() + MAX_FUTURE_MS) {
        throw httpError(400, `${at}/created_at must not be in the future`);
      }
    }
    const user = event.user as Record<string, unknown> | undefined;
    if (typeof user !== 'object' || user === null) throw httpError(400, `${at}/user is required`);
    const person = user.organization_user_id;
    if (typeof person !== 'string' || person === '' || person.length > 320) {
      throw httpError(400, `${at}/user/organization_user_id must be a string of 1 to 320`);
    }
    if (
      user.metadata !== undefined &&
      (typeof user.metadata !== 'object' || user.metadata === null || Array.isArray(user.metadata))
    ) {
      throw httpError(400, `${at}/user/metadata must be an object`);
    }
    const purposes = (event.consents as Record<string, unknown> | undefined)?.purposes;
    if (!Array.isArray(purposes) || purposes.length === 0) {
      throw httpError(400, `${at}/consents/purposes must be a non-empty array`);
    }
    purposes.forEach((purpose: unknown, i) => {
      const p = purpose as Record<string, unknown> | null;
      if (typeof p?.id !== 'string' || typeof p.enabled !== 'boolean') {
        throw httpError(400, `${at}/consents/purposes/${i} must be {id: string, enabled: boolean}`);
      }
    });
    return value as DidomiEvent;
  });
}

/** A stable uuid (version 5 layout) named by `name`. */
function derivedUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16]!, 16) & 3) | 8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** The batch items of the events, purpose by purpose; a purpose names a type by id or label. */
export function importItems(events: DidomiEvent[], types: ConsentType[]): ConsentEventBatchItem[] {
  return events.flatMap((event, index) =>
    event.consents.purposes.map((purpose, i) => {
      const type = types.find(
        (candidate) => candidate.id === purpose.id.toLowerCase() || candidate.label === purpose.id,
      );
      if (!type) {
        throw httpError(
          400,
          `events/${index}/consents/purposes/${i}/id "${purpose.id}" is not a consent type of this project`,
        );
      }
      const id = event.id?.toLowerCase();
      return {
        ...(id !== undefined && { id: i === 0 ? id : derivedUuid(`${id}/${type.id}`) }),
        projectUserId: event.user.organization_user_id,
        consentType: type.id,
        consentState: purpose.enabled ? 'accepted' : 'declined',
        consentAction: 'import',
        ...(event.created_at !== undefined && {
          consentDate: new Date(event.created_at).toISOString(),
        }),
        ...(event.user.metadata !== undefined && { metadata: event.user.metadata }),
        body: event,
      } satisfies ConsentEventBatchItem;
    }),
  );
}

/** The stored events in Didomi's shape, one per event of the request, in its order. */
export function didomiAnswer(
  events: DidomiEvent[],
  records: ConsentEventRecord[],
  organizationId: string,
) {
  let next = 0;
  return events.map((event) => {
    const mine = records.slice(next, next + event.consents.purposes.length);
    next += mine.length;
    const first = mine[0]!;
    return {
      id: first.id,
      created_at: first.consentDate,
      updated_at: first.dateUpdated ?? first.consentDate,
      organization_id: organizationId,
      user: {
        organization_user_id: event.user.organization_user_id,
        ...(event.user.metadata !== undefined && { metadata: event.user.metadata }),
      },
      consents: {
        purposes: event.consents.purposes.map((purpose, i) => ({
          id: purpose.id,
          enabled: mine[i]!.consentState === 'accepted',
        })),
      },
    };
  });
}
