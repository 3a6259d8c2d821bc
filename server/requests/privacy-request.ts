import { randomInt } from 'node:crypto';
import { addDuration } from '../../src/core/duration.ts';
import type { PrivacyRequest, PrivacyRequestStatus } from '../db/repositories/privacy-requests.ts';

/**
 * When a request must be answered, from where the visitor was when they asked: 45 days in
 * California (CCPA, Cal. Civ. Code § 1798.130(a)(2)), one month everywhere else (GDPR Art.
 * 12(3), the strictest of the common deadlines, so also for an unknown geography).
 */
export function dueDate(geography: string, at: Date): Date {
  if (geography === 'US-CA') return addDuration(at, { ...NO_TIME, days: 45 });
  return addDuration(at, { ...NO_TIME, months: 1 });
}

const NO_TIME = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

/** The steps a request may take from each status. */
const NEXT: Record<PrivacyRequestStatus, PrivacyRequestStatus[]> = {
  received: ['verified', 'refused'],
  verified: ['in_progress', 'completed', 'refused'],
  in_progress: ['completed', 'refused'],
  completed: [],
  refused: [],
};

/** Why a request cannot move from `from` to `to`, or `undefined` when it can. */
export function refuseStep(
  from: PrivacyRequestStatus,
  to: PrivacyRequestStatus,
): string | undefined {
  if (NEXT[from].includes(to)) return undefined;
  return NEXT[from].length === 0
    ? `the request is ${from}: it can no longer change`
    : `a ${from} request can move to ${NEXT[from].join(' or ')}, not ${to}`;
}

/** How long a verification code is good for, and how many wrong tries it takes. */
export const CODE_TTL_MS = 30 * 60_000;
export const CODE_ATTEMPTS = 5;

/** A six-digit code, from the system's secure random source. */
export function verificationCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** The request as the Privacy API answers it: `overdue` while open past its due date. */
export function requestView(request: PrivacyRequest, now: Date) {
  const open = request.status !== 'completed' && request.status !== 'refused';
  return { ...request, overdue: open && new Date(request.dueAt) < now };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The mail that carries the code (no link a mail scanner could follow and so confirm). */
export function codeMail(code: string, kind: string, site: string) {
  const what = kind.replace('_', ' ');
  return {
    subject: `Your privacy request code: ${code}`,
    text:
      `Someone, hopefully you, asked ${site} for a privacy request (${what}).\n\n` +
      `Your code: ${code}\n\nEnter it in the request form within 30 minutes to confirm the ` +
      `request. If you did not ask for this, ignore this mail: nothing happens without the code.`,
    html:
      `<p>Someone, hopefully you, asked ${escapeHtml(site)} for a privacy request (${what}).</p>` +
      `<p>Your code: <strong>${code}</strong></p><p>Enter it in the request form within 30 ` +
      `minutes to confirm the request. If you did not ask for this, ignore this mail: nothing ` +
      `happens without the code.</p>`,
  };
}
