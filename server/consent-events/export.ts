import type { StoredConsentEvent } from '../db/repositories/consent-events.ts';
import { PERSON_IDENTIFIERS } from '../../src/core/identifiers.ts';

/** The formats the Privacy API's event list streams, by `Accept` media type. */
export const EXPORT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson',
} as const;

export type ExportFormat = keyof typeof EXPORT_TYPES;

/** The export format an `Accept` header asks for, or `undefined` for the JSON page. */
export function exportFormat(accept: string | undefined): ExportFormat | undefined {
  const types = (accept ?? '').split(',').map((part) => part.split(';')[0]!.trim().toLowerCase());
  if (types.includes('text/csv')) return 'csv';
  if (types.includes('application/x-ndjson')) return 'ndjson';
  return undefined;
}

const CSV_COLUMNS = [
  'id',
  'dateCreated',
  'concordId',
  ...PERSON_IDENTIFIERS,
  'consentType',
  'label',
  'category',
  'version',
  'consentState',
  'consentAction',
  'consentDate',
  'expirationDate',
  'sessionId',
  'domain',
  'geography',
  // Issue 22 §5: the row's place in the hash chain, so that an export can be checked on its own
  // (`npm run verify -- --file`, NDJSON; CSV mangles formula-like values, see csvField).
  'clientConsentDate',
  'proof',
  'bodyHash',
  'seq',
  'prevHash',
  'rowHash',
] as const;

/**
 * One CSV field. Fields a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) get a
 * leading apostrophe (OWASP "CSV injection"): identifiers come from outside.
 */
function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(event: StoredConsentEvent): string {
  const { record, person } = event;
  const values: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    id: record.id,
    dateCreated: record.dateCreated,
    concordId: record.concordId,
    userId: person.userId,
    email: person.email,
    phoneNumber: person.phoneNumber,
    projectUserId: person.projectUserId,
    consentType: record.consentType,
    label: record.label,
    category: record.category,
    version: record.version,
    consentState: record.consentState,
    consentAction: record.consentAction,
    consentDate: record.consentDate,
    expirationDate: record.expirationDate,
    sessionId: record.session?.id,
    domain: record.session?.domain,
    geography: record.session?.geography,
    clientConsentDate: event.clientConsentDate,
    proof: event.proof,
    bodyHash: event.bodyHash,
    seq: event.seq,
    prevHash: event.prevHash,
    rowHash: event.rowHash,
  };
  return `${CSV_COLUMNS.map((column) => csvField(values[column])).join(',')}\r\n`;
}

/**
 * One NDJSON line: seed 001's record, the person's identifiers, and what the chain hashed beside
 * them (`clientConsentDate`, `surface`, `metadata`, `proof`, `bodyHash`, `chainVersion`, `identifierCommitments`) with the row's `seq`, `prevHash` and `rowHash`: every
 * field the row hash covers, so that `consent-events/export-verification.ts` can recompute it.
 * Assent's own format; the seeds' schemas apply to the API answers, not to this.
 */
function ndjsonRow(event: StoredConsentEvent): string {
  const { seq, bodyHash, clientConsentDate, prevHash, rowHash, surface, metadata, proof } = event;
  const { chainVersion, identifierCommitments, seal, identifierKeys } = event;
  return `${JSON.stringify({
    seq,
    ...event.record,
    ...event.person,
    ...(clientConsentDate !== undefined && { clientConsentDate }),
    ...(surface !== undefined && { surface }),
    ...(metadata !== undefined && { metadata }),
    ...(proof !== undefined && { proof }),
    bodyHash,
    // Migration 075: what a version-2 row's hash covers instead of the identifiers, and the seal
    // of a version-1 row whose identifiers were erased.
    ...(chainVersion !== undefined && { chainVersion }),
    ...(identifierCommitments !== undefined && { identifierCommitments }),
    ...(seal !== undefined && { seal }),
    ...(identifierKeys !== undefined && { identifierKeys }),
    prevHash,
    rowHash,
  })}\n`;
}

/**
 * Streams every event `readPage` gives, one page per pull, so that memory holds one page
 * whatever the size of the export; a slow reader slows the queries down (back-pressure).
 * `readPage(afterSeq)` returns the next page in insertion order, empty at the end.
 */
export function exportConsentEvents(
  format: ExportFormat,
  readPage: (afterSeq: string | undefined) => Promise<StoredConsentEvent[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let afterSeq: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const header = !started && format === 'csv' ? `${CSV_COLUMNS.join(',')}\r\n` : '';
        started = true;
        const page = await readPage(afterSeq);
        if (page.length === 0) {
          if (header) controller.enqueue(encoder.encode(header));
          controller.close();
          return;
        }
        afterSeq = page.at(-1)!.seq;
        const toRow = format === 'csv' ? csvRow : ndjsonRow;
        controller.enqueue(encoder.encode(header + page.map(toRow).join('')));
      },
    },
    { highWaterMark: 1 },
  );
}
