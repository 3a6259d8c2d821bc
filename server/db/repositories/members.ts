import type { Queryable } from '../database.ts';
import { toIso } from './timestamp.ts';

/** What a member may do (issue 14): viewers read, admins configure, owners also manage people and keys. */
export type MemberRole = 'owner' | 'admin' | 'viewer';

export const MEMBER_ROLES: readonly MemberRole[] = ['owner', 'admin', 'viewer'];

/** A member as the API shows it; the password hash stays in the database. */
export interface Member {
  id: string;
  organizationId: string;
  email: string;
  role: MemberRole;
  createdAt: string;
}

interface MemberRow {
  id: string;
  organization_id: string;
  email: string;
  role: MemberRole;
  created_at: Date | string;
}

function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    organizationId: row.organization_id,
    email: row.email,
    role: row.role,
    createdAt: toIso(row.created_at),
  };
}

const COLUMNS = 'id, organization_id, email, role, created_at';

/** Inserts a member; `false` when the email is taken (by any organization). */
export async function insertMember(
  db: Queryable,
  member: {
    id: string;
    organizationId: string;
    email: string;
    role: MemberRole;
    passwordHash: string;
  },
): Promise<boolean> {
  const { rows } = await db.query(
    `insert into members (id, organization_id, email, role, password_hash)
     values ($1, $2, $3, $4, $5) on conflict (email) do nothing returning id`,
    [member.id, member.organizationId, member.email, member.role, member.passwordHash],
  );
  return rows.length === 1;
}

/** The member with `email` and their password hash, for login. */
export async function findMemberByEmail(
  db: Queryable,
  email: string,
): Promise<(Member & { passwordHash: string }) | undefined> {
  const { rows } = await db.query<MemberRow & { password_hash: string }>(
    `select ${COLUMNS}, password_hash from members where email = $1`,
    [email],
  );
  const row = rows[0];
  return row && { ...toMember(row), passwordHash: row.password_hash };
}

export async function findMember(
  db: Queryable,
  organizationId: string,
  id: string,
): Promise<Member | undefined> {
  const { rows } = await db.query<MemberRow>(
    `select ${COLUMNS} from members where organization_id = $1 and id = $2`,
    [organizationId, id],
  );
  return rows[0] && toMember(rows[0]);
}

export async function listMembers(db: Queryable, organizationId: string): Promise<Member[]> {
  const { rows } = await db.query<MemberRow>(
    `select ${COLUMNS} from members where organization_id = $1 order by created_at, email`,
    [organizationId],
  );
  return rows.map(toMember);
}

export async function countOwners(db: Queryable, organizationId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from members where organization_id = $1 and role = 'owner'`,
    [organizationId],
  );
  return rows[0]!.n;
}

export async function setMemberRole(
  db: Queryable,
  organizationId: string,
  id: string,
  role: MemberRole,
) {
  const { rows } = await db.query(
    'update members set role = $3 where organization_id = $1 and id = $2 returning id',
    [organizationId, id, role],
  );
  return rows.length === 1;
}

/** Sets a member's password hash and ends their sessions. */
export async function setMemberPassword(db: Queryable, id: string, passwordHash: string) {
  await db.query('update members set password_hash = $2 where id = $1', [id, passwordHash]);
  await db.query('delete from member_sessions where member_id = $1', [id]);
}

/** Removes a member and (by cascade) their sessions. */
export async function deleteMember(db: Queryable, organizationId: string, id: string) {
  const { rows } = await db.query(
    'delete from members where organization_id = $1 and id = $2 returning id',
    [organizationId, id],
  );
  return rows.length === 1;
}

export async function insertMemberSession(
  db: Queryable,
  session: { tokenHash: string; memberId: string; createdAt: string; expiresAt: string },
) {
  await db.query(
    `insert into member_sessions (token_hash, member_id, created_at, expires_at)
     values ($1, $2, $3, $4)`,
    [session.tokenHash, session.memberId, session.createdAt, session.expiresAt],
  );
}

/** The member a session token (by its sha-256) signs in, while it has not expired. */
export async function findSessionMember(
  db: Queryable,
  tokenHash: string,
  now: string,
): Promise<(Member & { expiresAt: string }) | undefined> {
  const { rows } = await db.query<MemberRow & { expires_at: Date | string }>(
    `select m.id, m.organization_id, m.email, m.role, m.created_at, s.expires_at
       from member_sessions s join members m on m.id = s.member_id
      where s.token_hash = $1 and s.expires_at > $2`,
    [tokenHash, now],
  );
  const row = rows[0];
  return row && { ...toMember(row), expiresAt: toIso(row.expires_at) };
}

export async function deleteMemberSession(db: Queryable, tokenHash: string) {
  await db.query('delete from member_sessions where token_hash = $1', [tokenHash]);
}
