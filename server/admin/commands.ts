import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { insertApiKey, listApiKeys, type ApiKeyScope } from '../db/repositories/api-keys.ts';
import {
  ensureOrganization,
  isOrganizationSlugTaken,
  listOrganizations,
  setOrganizationSlug,
} from '../db/repositories/organizations.ts';
import {
  addAllowedOrigin,
  ensureProject,
  findIdentitySecret,
  findProject,
  isProjectSlugTaken,
  listProjects,
  setIdentitySecret,
  setPolicy,
  setProjectSlug,
} from '../db/repositories/projects.ts';
import { isSlug, slugFromName } from '../accounts/slug.ts';
import { normalizeEmail } from '../accounts/login.ts';
import { createPassword, hashPassword } from '../accounts/password.ts';
import { insertMember, MEMBER_ROLES, type MemberRole } from '../db/repositories/members.ts';
import type { Queryable } from '../db/database.ts';
import { DEFAULT_POLICIES, parseGeography } from '../../src/core/jurisdiction.ts';
import { LOOPBACK } from '../http/origin-rule.ts';
import { createSecret } from '../crypto/random-secret.ts';
import { sha256 } from '../crypto/sha256.ts';
import { requireUuid } from '../http/uuid.ts';
import { ENGLISH_NOTICE_TEXTS } from '../../src/core/english-notice-texts.ts';
import { purgeExpired } from '../consent-events/retention.ts';

export const ADMIN_USAGE = `Usage: npm run admin -- <command>
  create-organization <name> [--slug <slug>]
  create-project <organizationId> <name> [origin …] [--slug <slug>]
                                           the slug defaults to one made from the name
  set-organization-slug <organizationId> <slug>
  set-project-slug <projectId> <slug>      slugs: a-z, 0-9 and "-", at most 63; organization
                                           slugs are unique, project slugs unique in their
                                           organization (seed 002 routes by them)
  add-origin <projectId> <origin>          an exact origin (https://shop.example) or "loopback"
  set-policy <projectId> <region> <policy> region: US, US-CA, … or "default";
                                           policy: opt-in, opt-out or notice-only
  create-user <organizationId> <email> [--role owner|admin|viewer]
                                           a console member (default owner); prints a
                                           one-time password; only its scrypt hash is stored
  create-api-key <organizationId> <name> [--scope consent|admin]
                                           prints the key once; only its hash is stored;
                                           consent: consent events only; admin (default): all
  identity-secret <projectId>              prints the secret the site's backend signs
                                           identify() tokens with
  rotate-identity-secret <projectId>       replaces it: tokens signed with the old one fail
  purge [--dry-run]                        removes every project's months of consent events
                                           that expired longer ago than its retention (default
                                           P5Y), leaving a checkpoint that verify starts from
  list`;

/** A mistake in the command line, shown with the usage. */
export class AdminUsageError extends Error {}

/** A new project's notice: the widget's English until the owner writes their own. */
const NOTICE_TEXTS = { en: { ...ENGLISH_NOTICE_TEXTS } };

/** An `Origin` as browsers send it, or `loopback`; anything else is refused. */
function checkOrigin(origin: string | undefined): string {
  if (origin === LOOPBACK) return origin;
  let url: URL | undefined;
  try {
    url = new URL(origin ?? '');
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin?.replace(/\/$/, '')) {
    throw new AdminUsageError(
      `"${origin ?? ''}" is not an origin: scheme://host[:port], e.g. https://shop.example`,
    );
  }
  return url.origin;
}

function uuidArgument(value: string | undefined, name: string): string {
  try {
    return requireUuid(value, name);
  } catch {
    throw new AdminUsageError(`${name} must be a uuid`);
  }
}

/** Takes `--name value` out of `args`; `undefined` when absent. */
function takeOption(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  if (at === -1) return undefined;
  const value = args[at + 1];
  if (value === undefined || value.startsWith('--')) {
    throw new AdminUsageError(`--${name} needs a value`);
  }
  args.splice(at, 2);
  return value;
}

function slugArgument(value: string | undefined): string {
  if (!isSlug(value)) {
    throw new AdminUsageError(
      `"${value ?? ''}" is not a slug: a-z, 0-9 and "-", starting with a letter or digit, at most 63`,
    );
  }
  return value;
}

/** The given slug, refused when taken; or one made from the name, made unique when taken. */
async function chooseSlug(
  given: string | undefined,
  name: string,
  id: string,
  taken: (slug: string) => Promise<boolean>,
): Promise<string> {
  if (given !== undefined) {
    const slug = slugArgument(given);
    if (await taken(slug)) throw new AdminUsageError(`the slug "${slug}" is taken`);
    return slug;
  }
  const base = slugFromName(name);
  if (!(await taken(base))) return base;
  return `${base.slice(0, 54)}-${id.slice(0, 8)}`;
}

async function organizationOf(db: Queryable, projectId: string): Promise<string> {
  const project = await findProject(db, projectId);
  if (!project) throw new AdminUsageError(`no project ${projectId}`);
  return project.organizationId;
}

/** Runs one admin command against `db` and returns what to print. */
export async function runAdminCommand(db: Database, args: string[]): Promise<string> {
  const [command, ...rest] = args;
  switch (command) {
    case 'create-organization': {
      const given = takeOption(rest, 'slug');
      const name = rest.join(' ').trim();
      if (!name) throw new AdminUsageError('create-organization needs a name');
      const id = randomUUID();
      const slug = await chooseSlug(given, name, id, (s) => isOrganizationSlugTaken(db, s));
      await ensureOrganization(db, { id, name, slug });
      return `Organization ${id} "${name}" (slug ${slug})`;
    }
    case 'set-organization-slug': {
      const organizationId = uuidArgument(rest[0], 'organizationId');
      const slug = slugArgument(rest[1]);
      if (await isOrganizationSlugTaken(db, slug, organizationId)) {
        throw new AdminUsageError(`the slug "${slug}" is taken`);
      }
      if (!(await setOrganizationSlug(db, organizationId, slug))) {
        throw new AdminUsageError(`no organization ${organizationId}`);
      }
      return `Organization ${organizationId}: slug ${slug}`;
    }
    case 'set-project-slug': {
      const projectId = uuidArgument(rest[0], 'projectId');
      const slug = slugArgument(rest[1]);
      const organizationId = await organizationOf(db, projectId);
      if (await isProjectSlugTaken(db, organizationId, slug, projectId)) {
        throw new AdminUsageError(`the organization already has a project with the slug "${slug}"`);
      }
      await setProjectSlug(db, projectId, slug);
      return `Project ${projectId}: slug ${slug}`;
    }
    case 'create-project': {
      const given = takeOption(rest, 'slug');
      const [organizationId, name, ...origins] = rest;
      const organization = uuidArgument(organizationId, 'organizationId');
      if (!name) throw new AdminUsageError('create-project needs a name');
      if (!(await listOrganizations(db)).some((known) => known.id === organization)) {
        throw new AdminUsageError(`no organization ${organization}`);
      }
      const id = randomUUID();
      const slug = await chooseSlug(given, name, id, (s) =>
        isProjectSlugTaken(db, organization, s),
      );
      await ensureProject(db, {
        id,
        organizationId: organization,
        name,
        slug,
        allowedOrigins: origins.map(checkOrigin),
        defaultConsentDuration: 'P6M',
        texts: NOTICE_TEXTS,
        defaultLanguage: 'en',
        theme: { accent: '#1f5f8b' },
      });
      await setIdentitySecret(db, id, createSecret());
      return `Project ${id} "${name}" (slug ${slug}) allowing ${origins.length ? origins.join(', ') : 'no origin yet'}`;
    }
    case 'add-origin': {
      const projectId = uuidArgument(rest[0], 'projectId');
      const origin = checkOrigin(rest[1]);
      if (!(await addAllowedOrigin(db, projectId, origin))) {
        throw new AdminUsageError(`no project ${projectId}`);
      }
      const project = await findProject(db, projectId);
      return `Project ${projectId} allows ${project!.allowedOrigins.join(', ')}`;
    }
    case 'set-policy': {
      const projectId = uuidArgument(rest[0], 'projectId');
      const region = rest[1] === 'default' ? 'default' : parseGeography(rest[1]);
      const policy = rest[2];
      if (region === 'unknown') {
        throw new AdminUsageError('region must be a country (US), a region (US-CA) or "default"');
      }
      if (policy !== 'opt-in' && policy !== 'opt-out' && policy !== 'notice-only') {
        throw new AdminUsageError('policy must be opt-in, opt-out or notice-only');
      }
      if (!(await setPolicy(db, projectId, region, policy, DEFAULT_POLICIES))) {
        throw new AdminUsageError(`no project ${projectId}`);
      }
      return `Project ${projectId}: ${region} is ${policy}`;
    }
    case 'create-api-key': {
      const scope = takeOption(rest, 'scope') ?? 'admin';
      if (scope !== 'consent' && scope !== 'admin') {
        throw new AdminUsageError('--scope must be consent or admin');
      }
      const organizationId = uuidArgument(rest[0], 'organizationId');
      const name = rest[1];
      if (!name) throw new AdminUsageError('create-api-key needs a name');
      if (!(await listOrganizations(db)).some((known) => known.id === organizationId)) {
        throw new AdminUsageError(`no organization ${organizationId}`);
      }
      const key = createSecret();
      const created = await insertApiKey(db, {
        id: randomUUID(),
        organizationId,
        name,
        keyHash: sha256(key),
        scope: scope satisfies ApiKeyScope,
      });
      if (!created) throw new AdminUsageError(`the organization already has a key named "${name}"`);
      return `API key "${name}" scope ${scope} (shown once, only its hash is stored):\n${key}`;
    }
    case 'create-user': {
      const role = takeOption(rest, 'role') ?? 'owner';
      if (!MEMBER_ROLES.includes(role as MemberRole)) {
        throw new AdminUsageError('--role must be owner, admin or viewer');
      }
      const organizationId = uuidArgument(rest[0], 'organizationId');
      const email = normalizeEmail(rest[1] ?? '');
      if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
        throw new AdminUsageError('create-user needs an email');
      }
      if (!(await listOrganizations(db)).some((known) => known.id === organizationId)) {
        throw new AdminUsageError(`no organization ${organizationId}`);
      }
      const password = createPassword();
      const created = await insertMember(db, {
        id: randomUUID(),
        organizationId,
        email,
        role: role as MemberRole,
        passwordHash: await hashPassword(password),
      });
      if (!created) throw new AdminUsageError(`${email} is already a member`);
      return `Member ${email} role ${role}; one-time password (shown once, only its hash is stored):\n${password}`;
    }
    case 'identity-secret':
    case 'rotate-identity-secret': {
      const projectId = uuidArgument(rest[0], 'projectId');
      let secret = await findIdentitySecret(db, projectId);
      if (command === 'rotate-identity-secret' || !secret) {
        // A project made before migration 032 gets its first one here.
        secret = createSecret();
        if (!(await setIdentitySecret(db, projectId, secret))) {
          throw new AdminUsageError(`no project ${projectId}`);
        }
      }
      return `Identity secret of project ${projectId} (keep it on the site's backend):\n${secret}`;
    }
    case 'purge': {
      const dryRun = rest.includes('--dry-run');
      const report = await purgeExpired(db, { now: new Date(), dryRun });
      const lines = report.projects.map(
        (project) =>
          `  Project ${project.projectId}: ${project.removed} events of ${project.months.join(', ')}` +
          (project.checkpoint ? ` (checkpoint seq ${project.checkpoint.seq})` : ''),
      );
      if (report.partitionsDropped.length > 0) {
        lines.push(`  Dropped partitions: ${report.partitionsDropped.join(', ')}`);
      }
      return [
        `${dryRun ? 'Would remove' : 'Removed'} ${report.removed} expired events.`,
        ...lines,
      ].join('\n');
    }
    case 'list': {
      const lines: string[] = [];
      const projects = await listProjects(db);
      const keys = await listApiKeys(db);
      for (const organization of await listOrganizations(db)) {
        lines.push(
          `Organization ${organization.id} "${organization.name}" (slug ${organization.slug})`,
        );
        for (const project of projects.filter((p) => p.organizationId === organization.id)) {
          lines.push(
            `  Project ${project.id} "${project.name}": ${project.allowedOrigins.join(', ') || 'no origin'} (slug ${project.slug})`,
          );
        }
        for (const key of keys.filter((k) => k.organizationId === organization.id)) {
          lines.push(`  API key "${key.name}" scope ${key.scope} created ${key.createdAt}`);
        }
      }
      return lines.join('\n');
    }
    default:
      throw new AdminUsageError(command ? `unknown command ${command}` : 'no command given');
  }
}
