import { CONSENT_STATES, LABEL_PATTERN } from '../../src/core/consent-type.ts';
import type { ConsentState } from '../../src/core/types.ts';
import { decodeCursor } from '../http/cursor.ts';
import { httpError } from '../http/http-error.ts';
import type { ConsentEventFilter } from '../db/repositories/consent-events.ts';
import { requireUuid } from '../http/uuid.ts';
import { IDENTIFIER_MAX_LENGTH, PERSON_IDENTIFIERS } from '../../src/core/identifiers.ts';

/** A page request of the Privacy API's event list. */
export interface ConsentEventQuery {
  limit: number;
  afterSeq?: string;
  filter: ConsentEventFilter;
  /**
   * `view=full`: each item also carries the person's other identifiers, its surface and the
   * caller's metadata, which seed 001's closed record schema leaves out.
   */
  full?: boolean;
}

const KNOWN = [
  'limit',
  'cursor',
  'id',
  'consentType',
  'label',
  'consentState',
  'concordId',
  ...PERSON_IDENTIFIERS,
  'from',
  'to',
  'view',
];
// A date (`2024-05-01`) or an RFC 3339 date-time with its offset.
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2}))?$/;

function isoDate(value: string, name: string): string {
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) {
    throw httpError(400, `${name} must be an ISO 8601 date or date-time`);
  }
  return new Date(value).toISOString();
}

/**
 * Reads the list's query string. Unknown or repeated parameters are refused rather than ignored,
 * so a misspelt filter cannot silently widen an export.
 */
export function parseConsentEventQuery(queries: Record<string, string[]>): ConsentEventQuery {
  const values: Record<string, string> = {};
  for (const [name, list] of Object.entries(queries)) {
    if (!KNOWN.includes(name)) {
      throw httpError(400, `unknown query parameter ${name} (known: ${KNOWN.join(', ')})`);
    }
    if (list.length !== 1) throw httpError(400, `query parameter ${name} must be given once`);
    values[name] = list[0]!;
  }
  const query: ConsentEventQuery = { limit: 100, filter: {} };
  if (values.view !== undefined) {
    if (values.view !== 'full' && values.view !== 'record') {
      throw httpError(400, 'view must be record or full');
    }
    if (values.view === 'full') query.full = true;
  }
  if (values.limit !== undefined) {
    if (!/^\d{1,4}$/.test(values.limit) || +values.limit < 1 || +values.limit > 1000) {
      throw httpError(400, 'limit must be an integer from 1 to 1000');
    }
    query.limit = Number(values.limit);
  }
  if (values.cursor !== undefined) {
    const seq = decodeCursor(values.cursor);
    if (seq === undefined) throw httpError(400, 'cursor is not one this API gave out');
    query.afterSeq = seq;
  }
  const { filter } = query;
  if (values.id !== undefined) filter.id = requireUuid(values.id, 'id');
  if (values.consentType !== undefined) {
    filter.consentType = requireUuid(values.consentType, 'consentType');
  }
  if (values.concordId !== undefined) filter.concordId = requireUuid(values.concordId, 'concordId');
  for (const name of PERSON_IDENTIFIERS) {
    const value = values[name];
    if (value === undefined) continue;
    if (value === '' || value.length > IDENTIFIER_MAX_LENGTH) {
      throw httpError(400, `${name} must be from 1 to ${IDENTIFIER_MAX_LENGTH} characters`);
    }
    filter[name] = value;
  }
  if (values.label !== undefined) {
    if (!LABEL_PATTERN.test(values.label))
      throw httpError(400, `label must match ${LABEL_PATTERN.source}`);
    filter.label = values.label;
  }
  if (values.consentState !== undefined) {
    if (!CONSENT_STATES.includes(values.consentState as ConsentState)) {
      throw httpError(400, `consentState must be one of ${CONSENT_STATES.join(', ')}`);
    }
    filter.consentState = values.consentState;
  }
  if (values.from !== undefined) filter.from = isoDate(values.from, 'from');
  if (values.to !== undefined) filter.to = isoDate(values.to, 'to');
  return query;
}
