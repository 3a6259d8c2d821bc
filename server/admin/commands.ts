import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { insertApiKey, listApiKeys } from '../db/repositories/api-keys.ts';
import { ensureOrganization, listOrganizations } from '../db/repositories/organizations.ts';
import {
  addAllowedOrigin,
  ensureProject,
  findIdentitySecret,
  findProject,
  listProjects,
  setIdentitySecret,
  setPolicy,
} from '../db/repositories/projects.ts';
import { DEFAULT_POLICIES, parseGeography } from '../../src/core/jurisdiction.ts';
import { LOOPBACK } from '../http/origin-rule.ts';
import { createSecret } from '../crypto/random-secret.ts';
import { sha256 } from '../crypto/sha256.ts';
import { requireUuid } from '../http/uuid.ts';
import { ENGLISH_NOTICE_TEXTS } from '../../src/core/english-notice-texts.ts';

export const ADMIN_USAGE = `Usage: npm run admin -- <command>
  create-organization <name>
  create-project <organizationId> <name> [origin …]
  add-origin <projectId> <origin>          an exact origin (https://shop.example) or "loopback"
  set-policy <projectId> <region> <policy> region: US, US-CA, … or "default";
                                           policy: opt-in, opt-out or notice-only
  create-api-key <organizationId> <name>   prints the key once; only its hash is stored
  identity-secret <projectId>              prints the secret the site's backend signs
                                           identify() tokens with
  rotate-identity-secret <projectId>       replaces it: tokens signed with the old one fail
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

/** Runs one admin command against `db` and returns what to print. */
export async function runAdminCommand(db: Database, args: string[]): Promise<string> {
  const [command, ...rest] = args;
  switch (command) {
    case 'create-organization': {
      const name = rest.join(' ').trim();
      if (!name) throw new AdminUsageError('create-organization needs a name');
      const id = randomUUID();
      await ensureOrganization(db, { id, name });
      return `Organization ${id} "${name}"`;
    }
    case 'create-project': {
      const [organizationId, name, ...origins] = rest;
      const organization = uuidArgument(organizationId, 'organizationId');
      if (!name) throw new AdminUsageError('create-project needs a name');
      if (!(await listOrganizations(db)).some((known) => known.id === organization)) {
        throw new AdminUsageError(`no organization ${organization}`);
      }
      const id = randomUUID();
      await ensureProject(db, {
        id,
        organizationId: organization,
        name,
        allowedOrigins: origins.map(checkOrigin),
        defaultConsentDuration: 'P6M',
        texts: NOTICE_TEXTS,
        defaultLanguage: 'en',
        theme: { accent: '#1f5f8b' },
      });
      await setIdentitySecret(db, id, createSecret());
      return `Project ${id} "${name}" allowing ${origins.length ? origins.join(', ') : 'no origin yet'}`;
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
      });
      if (!created) throw new AdminUsageError(`the organization already has a key named "${name}"`);
      return `API key "${name}" (shown once, only its hash is stored):\n${key}`;
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
    case 'list': {
      const lines: string[] = [];
      const projects = await listProjects(db);
      const keys = await listApiKeys(db);
      for (const organization of await listOrganizations(db)) {
        lines.push(`Organization ${organization.id} "${organization.name}"`);
        for (const project of projects.filter((p) => p.organizationId === organization.id)) {
          lines.push(
            `  Project ${project.id} "${project.name}": ${project.allowedOrigins.join(', ') || 'no origin'}`,
          );
        }
        for (const key of keys.filter((k) => k.organizationId === organization.id)) {
          lines.push(`  API key "${key.name}" created ${key.createdAt}`);
        }
      }
      return lines.join('\n');
    }
    default:
      throw new AdminUsageError(command ? `unknown command ${command}` : 'no command given');
  }
}
