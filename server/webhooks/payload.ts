import { fullRecord } from '../consent-events/full-record.ts';
import type { StoredConsentEvent } from '../db/repositories/consent-events.ts';

/**
 * The body of a `consent_event.created` webhook (Standard Webhooks' `{type, timestamp, data}`),
 * made once when the event is stored, so that every attempt sends the same bytes.
 */
export function consentEventPayload(stored: StoredConsentEvent): string {
  return JSON.stringify({
    type: 'consent_event.created',
    timestamp: stored.record.dateCreated,
    data: fullRecord(stored),
  });
}

/** The body of the test event an owner sends from the console or the API. */
export function testEventPayload(endpointId: string, at: Date): string {
  return JSON.stringify({
    type: 'webhook.test',
    timestamp: at.toISOString(),
    data: { endpointId, message: 'A test event from Assent.' },
  });
}
