import { KEYED_CHAIN_VERSION, identifierCommitment, linkHash, sealHash } from './chain.ts';
import { PERSON_IDENTIFIERS } from '../../src/core/identifiers.ts';
import type { NewConsentEvent } from '../db/repositories/consent-events.ts';

/** Where an exported file first fails. */
export interface BrokenExportRow {
  /** 1-based line of the file. */
  line: number;
  id?: string;
  reason: string;
}

export interface ExportReport {
  /** Rows whose hash was checked before the first fault (rows from before the chain apart). */
  rows: number;
  unchained?: number;
  broken?: BrokenExportRow;
}

/** A line of the NDJSON export (`consent-events/export.ts`): the fields the chain needs. */
interface ExportedRow {
  seq?: unknown;
  prevHash?: unknown;
  rowHash?: unknown;
  [field: string]: unknown;
}

const isObject = (value: unknown): value is Record<string, never> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The row as the chain hashed it (`NewConsentEvent`), from its exported fields. */
function chainedEvent(row: ExportedRow): NewConsentEvent {
  const session = row.session as { id?: string } | undefined;
  const optional = (key: string, value: unknown) =>
    typeof value === 'string' && value !== '' ? { [key]: value } : {};
  return {
    id: str(row.id)!,
    projectId: str(row.project)!,
    organizationId: str(row.organization)!,
    // The record says '' for an event with no visitor id; the row stored none.
    ...optional('concordId', row.concordId),
    ...optional('userId', row.userId),
    ...optional('email', row.email),
    ...optional('phoneNumber', row.phoneNumber),
    ...optional('projectUserId', row.projectUserId),
    consentTypeId: str(row.consentType)!,
    version: row.version as number,
    category: str(row.category)!,
    ...(row.subcategory !== undefined && { subcategory: row.subcategory }),
    label: str(row.label)!,
    consentState: str(row.consentState)!,
    consentAction: str(row.consentAction)!,
    consentDate: str(row.consentDate)!,
    expirationDate: str(row.expirationDate)!,
    ...optional('clientConsentDate', row.clientConsentDate),
    ...optional('sessionId', session?.id),
    ...optional('surface', row.surface),
    ...(isObject(row.metadata) && { metadata: row.metadata }),
    ...(isObject(row.proof) && { proof: row.proof }),
    bodyHash: str(row.bodyHash)!,
    createdAt: str(row.dateCreated)!,
    ...(row.chainVersion === KEYED_CHAIN_VERSION && { chainVersion: KEYED_CHAIN_VERSION }),
    ...(typeof row.identifierCommitments === 'object' &&
      row.identifierCommitments !== null && {
        identifierCommitments: row.identifierCommitments as Record<string, string>,
      }),
  };
}

/**
 * Checks an NDJSON export on its own, without the database (issue 22 §5): every row's content
 * must give its `rowHash` (an edited row fails), and each row's `prevHash` must be the previous
 * row's `rowHash` (a removed, inserted or reordered row fails). An export that starts at the
 * chain's start also proves nothing was left out before it. A filtered export (`?label=…`) has
 * gaps by design: `rowsOnly` checks each row's hash and not the links between them.
 */
export async function verifyExport(
  lines: Iterable<string> | AsyncIterable<string>,
  { rowsOnly = false }: { rowsOnly?: boolean } = {},
): Promise<ExportReport> {
  const report: ExportReport = { rows: 0 };
  let previous: string | undefined;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const broken = (reason: string, id?: string): ExportReport => ({
      ...report,
      broken: { line: lineNumber, ...(id !== undefined && { id }), reason },
    });
    let row: ExportedRow;
    try {
      row = JSON.parse(line) as ExportedRow;
    } catch {
      return broken('the line is not JSON');
    }
    if (typeof row !== 'object' || row === null || typeof row.id !== 'string') {
      return broken('the line is not an exported consent event');
    }
    if (row.rowHash === null) {
      if (previous !== undefined && !rowsOnly) {
        return broken('the row has no hash but follows chained rows', row.id);
      }
      report.unchained = (report.unchained ?? 0) + 1;
      continue;
    }
    if (typeof row.rowHash !== 'string' || typeof row.prevHash !== 'string') {
      return broken('the row has no prevHash and rowHash (exported before issue 22?)', row.id);
    }
    if (!rowsOnly && previous !== undefined && row.prevHash !== previous) {
      return broken(
        "prevHash is not the previous row's rowHash: a row was removed, inserted or reordered (or the export was filtered: use --rows-only)",
        row.id,
      );
    }
    const event = chainedEvent(row);
    // A version-2 row's hash covers commitments: each identifier must be the one its
    // commitment stands for, under the key the export carries.
    if (event.chainVersion === KEYED_CHAIN_VERSION) {
      const keys = (row.identifierKeys ?? {}) as Record<string, unknown>;
      for (const kind of PERSON_IDENTIFIERS) {
        const value = event[kind];
        if (value === undefined) continue;
        const key = keys[kind];
        if (
          typeof key !== 'string' ||
          identifierCommitment(key, kind, value) !== event.identifierCommitments?.[kind]
        ) {
          return broken(`the row's ${kind} is not the one its commitment stands for`, row.id);
        }
      }
    }
    if (typeof row.seal === 'string' && event.chainVersion === undefined) {
      // A version-1 row whose identifiers were erased (migration 075): its seal covers the rest.
      if (sealHash(row.prevHash, row.rowHash, event) !== row.seal) {
        return broken('the row content does not match the seal its erasure left (edited)', row.id);
      }
    } else if (linkHash(row.prevHash, event) !== row.rowHash) {
      return broken('the row content does not match its hash (edited)', row.id);
    }
    previous = row.rowHash;
    report.rows += 1;
  }
  return report;
}
