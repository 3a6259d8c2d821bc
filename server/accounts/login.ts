import type { Queryable } from '../db/database.ts';
import {
  deleteMemberSession,
  findMemberByEmail,
  insertMemberSession,
  type Member,
} from '../db/repositories/members.ts';
import { createSecret } from '../crypto/random-secret.ts';
import { sha256 } from '../crypto/sha256.ts';
import { MEMBER_SESSION_MS, MEMBER_TOKEN_PREFIX } from './member-session.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';

/** Emails are compared as typed, lowercased and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Signs a member in: a new session token (shown once; only its hash is stored) and its expiry,
 * or `undefined`. An unknown email verifies against a dummy hash, so that it costs the same
 * time as a wrong password and the two cannot be told apart.
 */
export async function logIn(
  db: Queryable,
  credentials: { email: string; password: string },
  now: Date,
): Promise<{ token: string; expiresAt: string; member: Member } | undefined> {
  const found = await findMemberByEmail(db, normalizeEmail(credentials.email));
  const matches = await verifyPassword(
    credentials.password,
    found?.passwordHash ?? (await dummyPasswordHash()),
  );
  if (!found || !matches) return undefined;
  const { passwordHash: _hash, ...member } = found;
  const token = `${MEMBER_TOKEN_PREFIX}${createSecret()}`;
  const expiresAt = new Date(now.getTime() + MEMBER_SESSION_MS).toISOString();
  await insertMemberSession(db, {
    tokenHash: sha256(token),
    memberId: member.id,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { token, expiresAt, member };
}

/** Ends the session of `token` (a no-op for an unknown one). */
export function logOut(db: Queryable, token: string): Promise<void> {
  return deleteMemberSession(db, sha256(token));
}
