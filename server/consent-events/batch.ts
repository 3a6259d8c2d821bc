import { randomUUID } from 'node:crypto';
import { refuseState } from '../../src/core/consent-type.ts';
import {
  CLOCK_SKEW_MS,
  expirationFor,
  latestExpirationFor,
  maxDurationFor,
  refuseRetiredType,
} from '../../src/core/consent-rules.ts';
import type { ConsentEventInput, ConsentProof, ConsentType } from '../../src/core/types.ts';
import { IDENTIFIER_MAX_LENGTH, PERSON_IDENTIFIERS } from '../../src/core/identifiers.ts';
import { canonicalJson } from '../crypto/canonical-json.ts';
import { httpError } from '../http/http-error.ts';
import { isAllowedOrigin } from '../http/origin-rule.ts';
import type { ProjectConfig } from '../projects/cache.ts';
import type { NewConsentEvent } from '../db/repositories/consent-events.ts';
import { identifierKey } from '../db/repositories/person-identifiers.ts';
import type { Session } from '../db/repositories/sessions.ts';
import { personConcordId } from '../people/person-id.ts';
import { sha256 } from '../crypto/sha256.ts';
import { KEYED_CHAIN_VERSION } from './chain.ts';
import { refuseUndecodableStrings } from './iab-strings.ts';

/** An item of a batch, with what the seeds' own paths (routes/compat/) keep beside it. */
export interface ConsentEventBatchItem extends ConsentEventInput {
  /** Kept with the event: seed 002's fields beyond an event's, seed 003's `user.metadata`. */
  metadata?: Record<string, unknown>;
  /**
   * What the caller sent, when that is not this item (seed 003: one event of several purposes
   * becomes an item per purpose): hashed to tell a retry from another body under the same id.
   */
  body?: unknown;
}

/**
 * A batch already checked against its request schema: from the Site API (with the visitor's
 * session), from the Privacy API (a site owner's server, no session) or from a seed's own path.
 */
export interface ConsentEventBatch {
  projectId: string;
  /** The visitor's session on the Site API; absent for the Privacy API. */
  session?: Session;
  items: ConsentEventBatchItem[];
  now: Date;
  /** Where the decision was made (`api`, `import`, …), stored with each event. */
  surface?: string;
  /** Seed 003's `$disable_integrations=true`: the events are not sent to webhooks. */
  disableIntegrations?: boolean;
}

function findType(item: ConsentEventInput, at: string, types: ConsentType[]): ConsentType {
  if (item.consentType === undefined && item.label === undefined) {
    throw httpError(400, `${at} must have consentType or label`);
  }
  const type =
    item.consentType !== undefined
      ? types.find((candidate) => candidate.id === item.consentType!.toLowerCase())
      : types.find((candidate) => candidate.label === item.label);
  if (!type) {
    const name =
      item.consentType !== undefined ? `consentType ${item.consentType}` : `label "${item.label}"`;
    throw httpError(422, `${at}: ${name} is not a consent type of this project`);
  }
  if (item.label !== undefined && item.label !== type.label) {
    throw httpError(
      422,
      `${at}/label "${item.label}" does not match consent type ${type.id} ("${type.label}")`,
    );
  }
  if (item.category !== undefined && item.category !== type.category) {
    throw httpError(
      422,
      `${at}/category "${item.category}" does not match consent type "${type.label}" ("${type.category}")`,
    );
  }
  return type;
}

interface EventDates {
  consentDate: Date;
  expirationDate: Date;
  /** The browser's date, when the server's time was stored instead. */
  clientConsentDate?: Date;
}

/**
 * The dates of a browser's event (the Site API, issue 22 §2): the server's clock decides. A
 * `consentDate` within {@link CLOCK_SKEW_MS} of now is kept; any other is replaced by now and
 * kept beside it for the record. The expiration is the type's duration from that date; the
 * browser's `expirationDate` may only shorten it, and counts from the browser's own date, so a
 * visitor clock a year behind that asks for a month gets a month. `import` is refused: a browser
 * decides by itself or is implied, it never imports.
 */
function browserDates(
  item: ConsentEventInput,
  at: string,
  type: ConsentType,
  project: ProjectConfig['project'],
  now: Date,
): EventDates {
  if (item.consentAction === 'import') {
    throw httpError(
      400,
      `${at}/consentAction "import" is for server-to-server imports (the Privacy API); a browser records implied or user_click`,
    );
  }
  const client = item.consentDate ? new Date(item.consentDate) : undefined;
  const skewed = client !== undefined && Math.abs(client.getTime() - now.getTime()) > CLOCK_SKEW_MS;
  const consentDate = client && !skewed ? client : now;
  let expirationDate = expirationFor(
    type,
    consentDate,
    project.defaultConsentDuration,
    item.consentState === 'declined' ? project.declineDuration : undefined,
  );
  if (item.expirationDate) {
    const asked = new Date(item.expirationDate);
    const from = client ?? consentDate;
    if (asked <= from) throw httpError(400, `${at}/expirationDate must be after consentDate`);
    const shortened = new Date(consentDate.getTime() + (asked.getTime() - from.getTime()));
    if (shortened < expirationDate) expirationDate = shortened;
  }
  return { consentDate, expirationDate, ...(skewed && { clientConsentDate: client }) };
}

/**
 * The dates of a server-to-server event (an API key: the Privacy API, the seeds' imports): the
 * caller's, as records made elsewhere keep their own dates, but never in the future (beyond the
 * clock skew) and never lasting longer than the category's cap.
 */
function callerDates(
  item: ConsentEventInput,
  at: string,
  type: ConsentType,
  project: ProjectConfig['project'],
  now: Date,
): EventDates {
  const consentDate = item.consentDate ? new Date(item.consentDate) : now;
  if (consentDate.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw httpError(
      400,
      `${at}/consentDate ${consentDate.toISOString()} is in the future (the server clock is ${now.toISOString()})`,
    );
  }
  // The same rule as the widget: the type's duration, capped for its category.
  const expirationDate = item.expirationDate
    ? new Date(item.expirationDate)
    : expirationFor(
        type,
        consentDate,
        project.defaultConsentDuration,
        item.consentState === 'declined' ? project.declineDuration : undefined,
      );
  const cap = latestExpirationFor(type.category, consentDate);
  if (cap && expirationDate > cap) {
    throw httpError(
      400,
      `${at}/expirationDate is later than consentDate + ${maxDurationFor(type.category)}, the longest a "${type.category}" consent may last`,
    );
  }
  if (expirationDate <= consentDate) {
    throw httpError(400, `${at}/expirationDate must be after consentDate`);
  }
  return { consentDate, expirationDate };
}

/** The proof as the row keeps it: the snapshot itself is stored once, apart, by its hash. */
function storedProof({ notice: _notice, ...proof }: ConsentProof): ConsentProof {
  return proof;
}

/**
 * The body as hashed into `bodyHash`: every string equal to one of the item's identifiers is
 * replaced by the identifier's kind, so that the stored hash cannot be used to test a guess of an
 * erased person's email (issue 17). {@link keyedEvent} adds the identifiers' commitments back.
 */
function withoutIdentifiers(body: unknown, item: ConsentEventInput): unknown {
  const values = new Map<string, string>();
  for (const name of PERSON_IDENTIFIERS) {
    if (item[name] !== undefined) values.set(item[name], `$${name}`);
  }
  const redact = (value: unknown): unknown => {
    if (typeof value === 'string') return values.get(value) ?? value;
    if (Array.isArray(value)) return value.map(redact);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, redact(entry)]));
    }
    return value;
  };
  return values.size === 0 ? body : redact(body);
}

/** The identifiers an event names, for `ensurePersonIdentifiers`. */
export function eventIdentifiers(
  event: NewConsentEvent,
): { kind: (typeof PERSON_IDENTIFIERS)[number]; value: string }[] {
  return PERSON_IDENTIFIERS.flatMap((kind) =>
    event[kind] !== undefined ? [{ kind, value: event[kind] }] : [],
  );
}

/**
 * The row as chain version 2 stores it (migration 075): the commitment of each identifier, a
 * `bodyHash` that covers them (so that another email under the same event id is still another
 * body), and for an import without a concordId, one derived from a commitment. The identifiers
 * stay on the object for the answer and the webhooks; the row and its hash leave them out.
 */
export function keyedEvent(
  event: NewConsentEvent,
  commitments: Map<string, string>,
): NewConsentEvent {
  const identifierCommitments: Partial<Record<(typeof PERSON_IDENTIFIERS)[number], string>> = {};
  for (const { kind, value } of eventIdentifiers(event)) {
    identifierCommitments[kind] = commitments.get(identifierKey(kind, value))!;
  }
  const named = Object.keys(identifierCommitments).length > 0;
  const concordId = event.concordId ?? personConcordId(event.projectId, identifierCommitments);
  return {
    ...event,
    ...(concordId !== undefined && { concordId }),
    chainVersion: KEYED_CHAIN_VERSION,
    ...(named && {
      identifierCommitments,
      bodyHash: sha256(`${event.bodyHash}\n${canonicalJson(identifierCommitments)}`),
    }),
  };
}

/**
 * What every item of a batch shares, made once per batch rather than once per event (issue 19):
 * the server's time as text and, for the Site API's events dated by the server, the expiration
 * of each type and state (`browserDates` with the server's own date depends on nothing else).
 */
interface BatchShared {
  now: string;
  expirations: Map<string, string>;
}

/** Checks one item against the session and the project, and makes the row to insert. */
function prepare(
  item: ConsentEventBatchItem,
  index: number,
  batch: ConsentEventBatch,
  { project, types }: ProjectConfig,
  shared: BatchShared,
): NewConsentEvent {
  const at = `items/${index}`;
  const { session, now } = batch;
  if (session && item.concordId?.toLowerCase() !== session.concordId) {
    throw httpError(403, `${at}/concordId must be the session's visitor (${session.concordId})`);
  }
  for (const name of PERSON_IDENTIFIERS) {
    // Seed 000 sets no limit; every path that stores an identifier checks this one (issue 22 §5).
    if ((item[name]?.length ?? 0) > IDENTIFIER_MAX_LENGTH) {
      throw httpError(400, `${at}/${name} must be at most ${IDENTIFIER_MAX_LENGTH} characters`);
    }
  }
  const type = findType(item, at, types);
  const retired = refuseRetiredType(type);
  if (retired) throw httpError(422, `${at}: ${retired}`);
  const refusal = refuseState(type, item.consentState);
  if (refusal) throw httpError(400, `${at}/consentState: ${refusal}`);
  if (item.proof) refuseUndecodableStrings(item.proof, `${at}/proof`);
  let consentDate: string;
  let expirationDate: string;
  let clientConsentDate: string | undefined;
  if (session && !item.consentDate && !item.expirationDate && item.consentAction !== 'import') {
    // Dated by the server: the same for every item of the type and state in this batch.
    const key = `${type.id}|${item.consentState === 'declined'}`;
    let expiration = shared.expirations.get(key);
    if (expiration === undefined) {
      expiration = browserDates(item, at, type, project, now).expirationDate.toISOString();
      shared.expirations.set(key, expiration);
    }
    consentDate = shared.now;
    expirationDate = expiration;
  } else {
    const dates = session
      ? browserDates(item, at, type, project, now)
      : callerDates(item, at, type, project, now);
    consentDate = dates.consentDate.toISOString();
    expirationDate = dates.expirationDate.toISOString();
    clientConsentDate = dates.clientConsentDate?.toISOString();
  }
  // Members set one by one rather than spread from temporary objects: this runs for every event.
  const event: NewConsentEvent = {
    id: item.id?.toLowerCase() ?? randomUUID(),
    projectId: project.id,
    organizationId: project.organizationId,
    consentTypeId: type.id,
    version: type.version,
    category: type.category,
    label: type.label,
    consentState: item.consentState,
    consentAction: item.consentAction,
    consentDate,
    expirationDate,
    bodyHash: sha256(canonicalJson(withoutIdentifiers(item.body ?? item, item))),
    createdAt: shared.now,
  };
  // An import that names its person by another identifier gets a concordId derived from that
  // identifier's commitment, when the writer has it (keyedEvent).
  const concordId = session?.concordId ?? item.concordId?.toLowerCase();
  if (concordId !== undefined) event.concordId = concordId;
  if (item.userId !== undefined) event.userId = item.userId;
  if (item.email !== undefined) event.email = item.email;
  if (item.phoneNumber !== undefined) event.phoneNumber = item.phoneNumber;
  if (item.projectUserId !== undefined) event.projectUserId = item.projectUserId;
  if (item.subcategory !== undefined) event.subcategory = item.subcategory;
  if (clientConsentDate !== undefined) event.clientConsentDate = clientConsentDate;
  if (session) event.sessionId = session.id;
  if (batch.surface !== undefined) event.surface = batch.surface;
  if (item.metadata !== undefined) event.metadata = item.metadata;
  if (item.proof !== undefined) event.proof = storedProof(item.proof);
  return event;
}

/**
 * Checks a batch against the project as `config` has it and makes its rows: every item is
 * checked before anything is written, and the first fault is the batch's 4xx.
 */
export function prepareConsentEvents(
  batch: ConsentEventBatch,
  config: ProjectConfig,
): NewConsentEvent[] {
  const { session } = batch;
  // The allowlist may have changed since the session was opened.
  if (session && !isAllowedOrigin(session.origin, config.project.allowedOrigins)) {
    throw httpError(403, `origin ${session.origin} is no longer allowed for this project`);
  }
  const shared: BatchShared = { now: batch.now.toISOString(), expirations: new Map() };
  return batch.items.map((item, index) => prepare(item, index, batch, config, shared));
}
