/**
 * One consent event as the write path holds it before its chain link (`NewConsentEvent`), for
 * the tests of what is built from it: the link text, the stored record.
 */
import type { NewConsentEvent } from '../db/repositories/consent-events.ts';

export const NEW_EVENT: NewConsentEvent = {
  id: '0b6a2c1e-8f4d-4a51-9a0e-2f1d7c3b9e10',
  projectId: '5f0c3c52-6a2c-4f0e-8d2b-1f6a9b7d4e21',
  organizationId: '9d3e1f2a-4b5c-4d6e-8f7a-0b1c2d3e4f50',
  concordId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  consentTypeId: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e',
  version: 3,
  category: 'analytics',
  label: 'analytics',
  consentState: 'accepted',
  consentAction: 'user_click',
  consentDate: '2026-01-02T03:04:05.000Z',
  expirationDate: '2027-01-02T03:04:05.000Z',
  bodyHash: 'ab'.repeat(32),
  createdAt: '2026-01-02T03:04:05.000Z',
};
