import type { Queryable } from '../database.ts';
import { toIso } from './timestamp.ts';

/** Every event type an endpoint can ask for. */
export const WEBHOOK_EVENT_TYPES = ['consent_event.created'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: WebhookEventType[];
  createdAt: string;
}

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string | null;
  type: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  /** When a pending delivery is tried next; null once it is delivered or failed. */
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
}

interface EndpointRow {
  id: string;
  url: string;
  events: WebhookEventType[];
  created_at: Date | string;
}

const toEndpoint = (row: EndpointRow): WebhookEndpoint => ({
  id: row.id,
  url: row.url,
  events: row.events,
  createdAt: toIso(row.created_at),
});

export async function insertWebhookEndpoint(
  db: Queryable,
  endpoint: {
    id: string;
    organizationId: string;
    projectId: string;
    url: string;
    secret: string;
    events: WebhookEventType[];
  },
): Promise<WebhookEndpoint> {
  const { rows } = await db.query<EndpointRow>(
    `insert into webhook_endpoints (id, organization_id, project_id, url, secret, events)
     values ($1, $2, $3, $4, $5, $6::text::jsonb) returning id, url, events, created_at`,
    [
      endpoint.id,
      endpoint.organizationId,
      endpoint.projectId,
      endpoint.url,
      endpoint.secret,
      JSON.stringify(endpoint.events),
    ],
  );
  return toEndpoint(rows[0]!);
}

export async function listWebhookEndpoints(
  db: Queryable,
  projectId: string,
): Promise<WebhookEndpoint[]> {
  const { rows } = await db.query<EndpointRow>(
    `select id, url, events, created_at from webhook_endpoints
      where project_id = $1 and deleted_at is null order by created_at, id`,
    [projectId],
  );
  return rows.map(toEndpoint);
}

export async function findWebhookEndpoint(
  db: Queryable,
  projectId: string,
  id: string,
): Promise<WebhookEndpoint | undefined> {
  const { rows } = await db.query<EndpointRow>(
    `select id, url, events, created_at from webhook_endpoints
      where project_id = $1 and id = $2 and deleted_at is null`,
    [projectId, id],
  );
  return rows[0] && toEndpoint(rows[0]);
}

/**
 * Deletes an endpoint (it stays for its history) and gives up its pending deliveries; `false`
 * when the project has no such endpoint.
 */
export async function deleteWebhookEndpoint(db: Queryable, projectId: string, id: string) {
  const { rows } = await db.query(
    `with gone as (
       update webhook_endpoints set deleted_at = now()
        where project_id = $1 and id = $2 and deleted_at is null returning id
     ),
     cancelled as (
       update webhook_deliveries set status = 'failed', last_error = 'the endpoint was deleted'
        where endpoint_id in (select id from gone) and status = 'pending'
     )
     select id from gone`,
    [projectId, id],
  );
  return rows.length === 1;
}

/**
 * The outbox: a delivery per event and live endpoint of the project that asks for `type`. Runs
 * in the transaction that writes the events, so both commit or neither does.
 */
export async function insertWebhookDeliveries(
  db: Queryable,
  projectId: string,
  type: WebhookEventType,
  items: { eventId: string; payload: string }[],
): Promise<void> {
  if (items.length === 0) return;
  await db.query(
    `insert into webhook_deliveries (id, endpoint_id, project_id, event_id, type, payload)
     select gen_random_uuid(), w.id, w.project_id, (j.item->>'event_id')::uuid, $2,
            j.item->>'payload'
       from webhook_endpoints w,
            jsonb_array_elements($3::text::jsonb) with ordinality as j(item, n)
      where w.project_id = $1 and w.deleted_at is null and w.events ? $2
      order by j.n, w.created_at`,
    [
      projectId,
      type,
      JSON.stringify(items.map((item) => ({ event_id: item.eventId, payload: item.payload }))),
    ],
  );
}

/** Queues one delivery to one endpoint (a test event). */
export async function insertWebhookDelivery(
  db: Queryable,
  delivery: { id: string; endpointId: string; projectId: string; type: string; payload: string },
): Promise<void> {
  await db.query(
    `insert into webhook_deliveries (id, endpoint_id, project_id, type, payload)
     values ($1, $2, $3, $4, $5)`,
    [delivery.id, delivery.endpointId, delivery.projectId, delivery.type, delivery.payload],
  );
}

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string | null;
  type: string;
  status: WebhookDelivery['status'];
  attempts: number;
  next_attempt_at: Date | string;
  last_attempt_at: Date | string | null;
  last_status: number | null;
  last_error: string | null;
  created_at: Date | string;
}

/** An endpoint's deliveries, newest first. */
export async function listWebhookDeliveries(
  db: Queryable,
  projectId: string,
  endpointId: string,
  limit: number,
): Promise<WebhookDelivery[]> {
  const { rows } = await db.query<DeliveryRow>(
    `select id, endpoint_id, event_id, type, status, attempts, next_attempt_at, last_attempt_at,
            last_status, last_error, created_at
       from webhook_deliveries where project_id = $3 and endpoint_id = $1
      order by created_at desc, id limit $2`,
    [endpointId, limit, projectId],
  );
  return rows.map((row) => ({
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    type: row.type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? toIso(row.next_attempt_at) : null,
    lastAttemptAt: row.last_attempt_at === null ? null : toIso(row.last_attempt_at),
    lastStatus: row.last_status,
    lastError: row.last_error,
    createdAt: toIso(row.created_at),
  }));
}

/** A delivery claimed for one attempt, with what sending it needs. */
export interface ClaimedDelivery {
  id: string;
  attempts: number;
  payload: string;
  url: string;
  secret: string;
}

/**
 * Claims up to `limit` due deliveries for one attempt each: counts the attempt and moves
 * `next_attempt_at` to the end of a lease of `leaseMs`, in one statement. `skip locked` lets
 * several instances claim at once without waiting on, or taking, each other's rows.
 */
export async function claimDueDeliveries(
  db: Queryable,
  limit: number,
  leaseMs: number,
): Promise<ClaimedDelivery[]> {
  const { rows } = await db.query<ClaimedDelivery>(
    `/* every project: the deliverer's queue, outside any project's write transaction */
     with due as (
       select id from webhook_deliveries
        where status = 'pending' and next_attempt_at <= now()
        order by next_attempt_at limit $1
        for update skip locked
     )
     update webhook_deliveries d
        set attempts = d.attempts + 1, last_attempt_at = now(),
            next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
       from due, webhook_endpoints w
      where d.id = due.id and w.id = d.endpoint_id
     returning d.id, d.attempts, d.payload, w.url, w.secret`,
    [limit, leaseMs],
  );
  return rows;
}

/**
 * Records an attempt's outcome: delivered, due again after `retryInMs`, or failed when that is
 * `undefined` and the answer was not a success.
 */
export async function recordDeliveryAttempt(
  db: Queryable,
  outcome: {
    id: string;
    delivered: boolean;
    status: number | null;
    error: string | null;
    retryInMs: number | undefined;
  },
): Promise<void> {
  const status = outcome.delivered
    ? 'delivered'
    : outcome.retryInMs === undefined
      ? 'failed'
      : 'pending';
  await db.query(
    `/* every project: one delivery by its id, claimed above, in a statement of its own */
     update webhook_deliveries
        set status = $2, last_status = $3, last_error = $4,
            next_attempt_at = now() + make_interval(secs => $5::double precision / 1000)
      where id = $1`,
    [outcome.id, status, outcome.status, outcome.error, outcome.retryInMs ?? 0],
  );
}
