import type { ConsentEventRecord, ConsentType } from '../../src/core/types.ts';
import { PERSON_IDENTIFIERS } from '../../src/core/identifiers.ts';
import { rollupCounts } from '../analytics/outcome.ts';
import { addToRollup } from '../db/repositories/consent-rollups.ts';
import {
  eventIdentifiers,
  keyedEvent,
  prepareConsentEvents,
  type ConsentEventBatch,
} from './batch.ts';
import { ensurePersonIdentifiers } from '../db/repositories/person-identifiers.ts';
import type { Database, Queryable } from '../db/database.ts';
import { KEYED_CHAIN_VERSION, linkHashOf, linkText } from './chain.ts';
import { httpError } from '../http/http-error.ts';
import type { ProjectCache } from '../projects/cache.ts';
import {
  APPEND_REFUSALS,
  appendConsentEvents,
  ensureEventPartition,
  findConsentEvents,
  insertConsentEvents,
  insertedRecord,
  lockChainHead,
  storedConsentEvent as stored,
  type InsertedConsentEvent,
  type ChainedConsentEvent,
  type NewConsentEvent,
  type StoredConsentEvent,
} from '../db/repositories/consent-events.ts';
import { insertWebhookDeliveries } from '../db/repositories/webhooks.ts';
import {
  findKnownSnapshotHashes,
  insertNoticeSnapshots,
} from '../db/repositories/notice-snapshots.ts';
import { batchSnapshots, unknownSnapshot, type BatchSnapshots } from './notice-snapshots.ts';
import { consentEventPayload } from '../webhooks/payload.ts';

/** Records consent event batches; one per instance, shared by the Site and Privacy APIs. */
export interface ConsentEventWriter {
  /**
   * Records a batch all or nothing and answers its records. An item whose `id` is already stored
   * (or earlier in the batch) with the same body is a retry and answers the stored record without
   * a new row; with another body it is a 409 and nothing of the batch is kept.
   */
  record(batch: ConsentEventBatch): Promise<ConsentEventRecord[]>;
}

interface Pending {
  batch: ConsentEventBatch;
  version: string;
  /** The project's consent types the events were checked against (for the rollup). */
  types: ConsentType[];
  events: NewConsentEvent[];
  /**
   * When no event names a person identifier: each event as chain version 2 stores it and its
   * link text, made before the batch waits, so that under the chain lock only the hashes are
   * left to make. Absent for a batch with identifiers (their commitments are made in the write's
   * transaction) and after the project changed (its events are made again under the lock).
   */
  keyed?: NewConsentEvent[];
  texts?: string[];
  /** The notice snapshots the batch sent (stored with its events) and named. */
  snapshots: BatchSnapshots;
  /** Written in a transaction of its own, after a group that held it failed. */
  alone?: boolean;
  resolve: (records: ConsentEventRecord[]) => void;
  reject: (error: unknown) => void;
}

/** Whether an event names no person identifier (`eventIdentifiers` is empty), without arrays. */
function namesNoIdentifier(event: NewConsentEvent): boolean {
  for (const kind of PERSON_IDENTIFIERS) if (event[kind] !== undefined) return false;
  return true;
}

/** The most events one transaction takes; more wait for the next (a 100-event batch is ~25 KiB). */
export const MAX_GROUP_EVENTS = 1000;

/**
 * How many groups of one project the short way has in the database at once: one running, the
 * next waiting for its chain lock.
 */
export const MAX_IN_FLIGHT = 2;

/**
 * Group commit. A project's events are chained one transaction at a time (its chain head row is
 * locked until commit), so a transaction per request caps a project at one durable commit, a WAL
 * flush, per request. Instead each instance writes a project's batches from one queue: while a
 * transaction is in flight the next batches wait, and then go in together, in one transaction
 * with one chain lock, one multi-row insert and one commit. Every batch is still all or nothing
 * on its own (a batch that conflicts is left out and gets its 409, the others are written), and
 * is acknowledged only after the commit that holds it. Instances do not share queues; the lock
 * in the database orders their transactions. A group without person identifiers goes the short
 * way (`appendConsentEvents`, migration 130: one statement that is its own transaction), and
 * then the next group is sent while it runs, to wait in the database for the lock
 * ({@link MAX_IN_FLIGHT}); any other group goes the long way, a transaction of several
 * statements, and the next waits for it here.
 */
export function createConsentEventWriter(
  db: Database,
  projects: ProjectCache,
  maxGroupEvents = MAX_GROUP_EVENTS,
  /** Called after a commit that stored events (wakes the webhook deliverer). */
  onStored?: () => void,
  maxInFlight = MAX_IN_FLIGHT,
): ConsentEventWriter {
  const queues = new Map<string, Pending[]>();
  /** Projects whose last write found an endpoint that wants new events. */
  const webhookProjects = new Set<string>();
  /** Months (`2025-03`, UTC) whose partition this instance knows to exist. */
  const months = new Set<string>();

  /** Creates a month's partition before the first write into it (outside the write's transaction). */
  async function ensureMonths(group: Pending[]) {
    for (const pending of group) {
      for (const event of pending.events) {
        const month = event.createdAt.slice(0, 7);
        if (months.has(month)) continue;
        await ensureEventPartition(db, event.createdAt);
        months.add(month);
      }
    }
  }

  async function drain(projectId: string, queue: Pending[]) {
    /** Groups sent and not answered yet (on the short way, up to `maxInFlight`). */
    const flying = new Set<Promise<void>>();
    for (;;) {
      if (queue.length === 0 || flying.size >= maxInFlight) {
        if (flying.size === 0) break;
        await Promise.race(flying);
        continue;
      }
      // One turn of the event loop first, so that requests already received join this group.
      // PGlite runs on this thread and its queries never yield to I/O: without this turn every
      // group would be the one request that started it.
      await new Promise((resolve) => setImmediate(resolve));
      if (queue.length === 0) continue;
      let size = queue[0]!.events.length;
      let count = 1;
      while (
        !queue[0]!.alone &&
        count < queue.length &&
        !queue[count]!.alone &&
        size + queue[count]!.events.length <= maxGroupEvents
      ) {
        size += queue[count]!.events.length;
        count += 1;
      }
      const group = queue.splice(0, count);
      const written = settle(projectId, group, queue);
      if (!short(group)) {
        await written;
        continue;
      }
      // The next group is made and sent while this one is in the database: it waits there for
      // the chain lock and runs as soon as this one commits, without a turn of this thread.
      flying.add(written);
      void written.then(() => flying.delete(written));
    }
    queues.delete(projectId);
  }

  /** Writes a group and answers each of its batches; never rejects. */
  async function settle(projectId: string, group: Pending[], queue: Pending[]) {
    try {
      await ensureMonths(group);
      const outcomes = answers(await write(projectId, group));
      onStored?.();
      outcomes.forEach((outcome, index) => {
        if (outcome instanceof Error) group[index]!.reject(outcome);
        else group[index]!.resolve(outcome);
      });
    } catch (error) {
      if (group.length === 1) group[0]!.reject(error);
      // A failure of the database is not one batch's fault: each tries again on its own.
      else queue.unshift(...group.map((pending) => ({ ...pending, alone: true })));
    }
  }

  /**
   * Whether a group can go the short way (`appendConsentEvents`, one statement): every event's
   * row and link text made before it queued (no person identifiers), all checked against the
   * same configuration, and no id the callers chose twice in it (a retry within the group).
   */
  function short(group: Pending[]): boolean {
    if (group.some((pending) => !pending.keyed || pending.alone)) return false;
    if (group.some((pending) => pending.version !== group[0]!.version)) return false;
    const ids = new Set<string>();
    let chosen = 0;
    for (const pending of group) {
      pending.batch.items.forEach((item, i) => {
        if (item.id === undefined) return;
        chosen += 1;
        ids.add(pending.keyed![i]!.id);
      });
    }
    return ids.size === chosen;
  }

  /** The short way when the group allows it and the database agrees, else the long way. */
  async function write(projectId: string, group: Pending[]) {
    if (short(group)) {
      let webhooks = webhookProjects.has(projectId);
      for (;;) {
        try {
          return await append(projectId, group, webhooks);
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          if (typeof code !== 'string' || !(code in APPEND_REFUSALS)) throw error;
          if (code !== 'AS002' || webhooks) break;
          // An endpoint wants this project's events: from now on, the short way in a
          // transaction that also queues the deliveries.
          webhookProjects.add(projectId);
          webhooks = true;
        }
      }
      // AS001 (the project changed) or AS003 (an id already stored), on either try: the long
      // way, which checks again and answers each case.
    }
    return writeGroup(projectId, group);
  }

  /**
   * The short way: one statement that locks the chain head, checks, hashes and inserts (migration
   * 130). Alone it is its own transaction; with `webhooks`, the deliveries follow in the same one.
   */
  function append(projectId: string, group: Pending[], webhooks: boolean) {
    const events = group.flatMap((pending) => pending.keyed!);
    const quiet = new Set<string>();
    const clientIds: string[] = [];
    for (const pending of group) {
      pending.batch.items.forEach((item, i) => {
        const { id } = pending.keyed![i]!;
        if (item.id !== undefined) clientIds.push(id);
        if (pending.batch.disableIntegrations) quiet.add(id);
      });
    }
    const input = {
      configVersion: group[0]!.version,
      webhooks,
      clientIds,
      snapshots: group.flatMap((pending) => pending.snapshots.sent),
      rollup: rollupCounts(events, group.at(-1)!.types),
      events,
      texts: group.flatMap((pending) => pending.texts!),
    };
    const run = async (q: Queryable) => {
      const { inserted, webhooks: wanted } = await appendConsentEvents(q, projectId, input);
      if (webhooks && !wanted) webhookProjects.delete(projectId);
      if (wanted) {
        await insertWebhookDeliveries(
          q,
          projectId,
          'consent_event.created',
          inserted
            .filter(({ event }) => !quiet.has(event.id))
            .map((row) => ({ eventId: row.event.id, payload: consentEventPayload(stored(row)) })),
        );
      }
      return {
        outcomes: group.map(() => undefined),
        keyed: group.map((pending) => pending.keyed!),
        found: new Map<string, StoredConsentEvent>(),
        inserted,
      };
    };
    return webhooks ? db.transaction(run) : run(db);
  }

  function writeGroup(projectId: string, group: Pending[]) {
    return db.transaction(async (tx) => {
      const lock = await lockChainHead(tx, projectId);
      const outcomes: (ConsentEventRecord[] | Error | undefined)[] = group.map(() => undefined);
      // Checked against a cached copy; when the project or its types changed since, check
      // again against what is current now that no other write of this project can run.
      if (group.some((pending) => pending.version !== lock.configVersion)) {
        const config = await projects.load(tx, projectId);
        group.forEach((pending, index) => {
          try {
            if (!config) throw httpError(404, `project ${projectId} not found`);
            pending.events = prepareConsentEvents(pending.batch, config);
            pending.types = config.types;
            delete pending.keyed;
            delete pending.texts;
          } catch (error) {
            outcomes[index] = error as Error;
          }
        });
      }
      // Chain version 2 (migration 075): the identifiers' commitments, made in this
      // transaction, so that a rolled-back write leaves no key behind and a retry makes new ones.
      const commitments = await ensurePersonIdentifiers(
        tx,
        projectId,
        group.flatMap((pending, index) =>
          outcomes[index] || pending.keyed ? [] : pending.events.flatMap(eventIdentifiers),
        ),
      );
      const keyed = group.map((pending, index) =>
        outcomes[index]
          ? []
          : (pending.keyed ?? pending.events.map((event) => keyedEvent(event, commitments))),
      );
      // Only a client-made id can already be stored; the server's own are fresh random uuids.
      const ids = new Set<string>();
      group.forEach((pending, index) => {
        if (outcomes[index]) return;
        keyed[index]!.forEach((event, i) => {
          if (pending.batch.items[i]!.id) ids.add(event.id);
        });
      });
      const found = ids.size > 0 ? await findConsentEvents(tx, projectId, [...ids]) : [];
      const byId = new Map<string, StoredConsentEvent>(found.map((e) => [e.record.id, e]));
      const bodies = new Map([...byId].map(([id, event]) => [id, event.bodyHash]));
      let inserted: InsertedConsentEvent[] = [];
      const fresh: ChainedConsentEvent[] = [];
      /** Events of batches imported with `$disable_integrations=true` (seed 003). */
      const quiet = new Set<string>();
      let head = lock.hash;
      group.forEach((pending, index) => {
        if (outcomes[index]) return;
        const mark = { head, length: fresh.length };
        const added: string[] = [];
        for (const [i, event] of keyed[index]!.entries()) {
          const known = bodies.get(event.id);
          if (known !== undefined) {
            if (known === event.bodyHash) continue;
            outcomes[index] = httpError(
              409,
              `items/${i}/id ${event.id} is already recorded with a different body`,
            );
            // Leave the whole batch out and the chain as it was before it.
            head = mark.head;
            fresh.length = mark.length;
            for (const id of added) bodies.delete(id);
            return;
          }
          bodies.set(event.id, event.bodyHash);
          added.push(event.id);
          if (pending.batch.disableIntegrations) quiet.add(event.id);
          // After the commitments: a version-2 row's hash covers them, not the identifiers.
          const rowHash = linkHashOf(head, pending.texts?.[i] ?? linkText(event));
          fresh.push({ ...event, prevHash: head, rowHash });
          head = rowHash;
        }
      });
      if (fresh.length > 0) {
        // The notices first, in the same transaction: no event ever names a missing snapshot.
        const snapshots = group.flatMap((pending, index) =>
          outcomes[index] ? [] : pending.snapshots.sent,
        );
        // Sent one after the other without waiting in between (the driver queues them on the
        // connection): the next statement goes out as the last one's answer comes in, not after
        // this thread gets round to it, which under load can be milliseconds of the chain lock.
        // A failure of one fails those after it (the transaction is aborted) and the write.
        const [, rows] = await Promise.all([
          insertNoticeSnapshots(tx, projectId, snapshots, fresh[0]!.createdAt),
          insertConsentEvents(tx, projectId, fresh),
          // The analytics' counts, in the same transaction: they can never disagree with the rows.
          addToRollup(tx, projectId, rollupCounts(fresh, group.at(-1)!.types)),
        ]);
        inserted = rows;
        // The transactional outbox: a webhook delivery per new event and endpoint, committed
        // with the events or not at all, so that no stored event is ever left unsent.
        if (lock.webhooks) {
          await insertWebhookDeliveries(
            tx,
            projectId,
            'consent_event.created',
            inserted
              .filter(({ event }) => !quiet.has(event.id))
              .map((row) => ({ eventId: row.event.id, payload: consentEventPayload(stored(row)) })),
          );
        }
      }
      return { outcomes, keyed, found: byId, inserted };
    });
  }

  /** The answer to each batch of a group, made after its commit (outside the chain lock). */
  function answers({
    outcomes,
    keyed,
    found,
    inserted,
  }: Awaited<ReturnType<typeof writeGroup>>): (ConsentEventRecord[] | Error)[] {
    const records = new Map<string, ConsentEventRecord>();
    const sessions = new Map<string, NonNullable<ConsentEventRecord['session']>>();
    for (const row of inserted) records.set(row.event.id, insertedRecord(row, sessions));
    return outcomes.map(
      (outcome, index) =>
        outcome ??
        keyed[index]!.map((event) => records.get(event.id) ?? found.get(event.id)!.record),
    );
  }

  return {
    async record(batch) {
      // Every item is checked before the batch waits for the database.
      let config = await projects.get(batch.projectId);
      let events: NewConsentEvent[];
      try {
        if (!config) throw httpError(404, `project ${batch.projectId} not found`);
        events = prepareConsentEvents(batch, config);
      } catch {
        // A refusal is never made on a cached copy alone: what the cache had may have changed.
        config = await projects.load(db, batch.projectId);
        if (!config) throw httpError(404, `project ${batch.projectId} not found`);
        events = prepareConsentEvents(batch, config);
      }
      // Without identifiers an event's row and link text need nothing from the database, and
      // its chain version 2 row is the event itself with its version (as `keyedEvent` makes it
      // with no commitments, without a copy per event).
      const anonymous = events.every(namesNoIdentifier);
      let keyed: NewConsentEvent[] | undefined;
      if (anonymous) {
        for (const event of events) event.chainVersion = KEYED_CHAIN_VERSION;
        keyed = events;
      }
      let texts = keyed?.map(linkText);
      // The short way sends the texts one per line; canonical JSON never holds a raw newline,
      // but should one, the long way takes the batch.
      if (texts?.some((text) => text.includes('\n'))) texts = undefined;
      const snapshots = batchSnapshots(batch.items, config);
      if (snapshots.named.size > 0) {
        // Snapshots are never changed once stored: a read outside the write's transaction holds.
        const known = await findKnownSnapshotHashes(db, batch.projectId, [
          ...snapshots.named.keys(),
        ]);
        for (const [hash, at] of snapshots.named) {
          if (!known.has(hash)) throw unknownSnapshot(at, hash);
        }
      }
      return new Promise((resolve, reject) => {
        const pending = {
          batch,
          version: config.version,
          types: config.types,
          events,
          ...(keyed && texts && { keyed, texts }),
          snapshots,
          resolve,
          reject,
        };
        const queue = queues.get(batch.projectId);
        if (queue) {
          queue.push(pending);
          return;
        }
        const fresh = [pending];
        queues.set(batch.projectId, fresh);
        void drain(batch.projectId, fresh);
      });
    },
  };
}
