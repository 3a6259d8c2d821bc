import { randomUUID } from 'node:crypto';
import type { SiteSession } from '../../src/core/types.ts';
import type { Queryable } from '../db/database.ts';
import { truncateIpAddress } from './ip-address.ts';
import { insertSession } from '../db/repositories/sessions.ts';
import { sha256 } from '../crypto/sha256.ts';
import { createSecret } from '../crypto/random-secret.ts';
import { bindVisitorSecret } from '../db/repositories/visitor-secrets.ts';
import { signSessionToken } from './token.ts';
import { describeUserAgent } from './user-agent.ts';

/** Short enough that a leaked token soon expires; the widget opens a new session when it does. */
const SESSION_LIFETIME_MS = 60 * 60 * 1000;

/** What the server knows about a visitor when it opens a session. */
export interface SessionRequest {
  projectId: string;
  /**
   * The visitor's id when the widget has one, with the secret it is bound to; else a new id and
   * secret are made.
   */
  visitor?: { concordId: string; visitorSecret: string };
  /** The page's origin, already checked against the project. */
  origin: string;
  ipAddress?: string;
  userAgent?: string;
  /** Keep the raw User-Agent beside its parsed browser, OS and device. */
  storeRawUserAgent: boolean;
  geography: string;
  now: Date;
  /** Signs the token. */
  secret: string;
}

/**
 * Opens a one-hour session with a signed token bound to the project and the origin. The IP
 * address is stored truncated, the user agent parsed (raw only when asked for); of the token
 * only its hash is kept.
 *
 * A visitor id is bound to a visitor secret (issue 22 §1): a new visitor gets both, the secret
 * answered this once; a known one must present it, and `undefined` (nothing stored) is the
 * answer when it does not match. An id the server has no secret for (one made before
 * migration 033, or by the widget offline) is bound by the first session that presents one.
 */
export async function openSession(
  db: Queryable,
  request: SessionRequest,
): Promise<SiteSession | undefined> {
  const visitorSecret = request.visitor ? undefined : createSecret();
  const session = {
    id: randomUUID(),
    concordId: request.visitor?.concordId.toLowerCase() ?? randomUUID(),
    geography: request.geography,
    expiresAt: new Date(request.now.getTime() + SESSION_LIFETIME_MS).toISOString(),
  };
  const bound = await bindVisitorSecret(db, {
    projectId: request.projectId,
    concordId: session.concordId,
    secretHash: sha256(request.visitor?.visitorSecret ?? visitorSecret!),
    now: request.now,
  });
  if (!bound) return undefined;
  const token = signSessionToken(
    {
      sessionId: session.id,
      projectId: request.projectId,
      concordId: session.concordId,
      origin: request.origin.toLowerCase(),
      expiresAt: session.expiresAt,
    },
    request.secret,
  );
  const ipAddress = request.ipAddress && truncateIpAddress(request.ipAddress);
  await insertSession(db, {
    ...session,
    projectId: request.projectId,
    tokenHash: sha256(token),
    ...(ipAddress && { ipAddress }),
    domain: new URL(request.origin).hostname,
    ...(request.userAgent && {
      ...(request.storeRawUserAgent && { userAgent: request.userAgent }),
      ...describeUserAgent(request.userAgent),
    }),
    createdAt: request.now.toISOString(),
  });
  return {
    id: session.id,
    token,
    concordId: session.concordId,
    geography: session.geography,
    expiresAt: session.expiresAt,
    ...(visitorSecret && { visitorSecret }),
  };
}
