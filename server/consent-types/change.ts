import { refuseDuration } from '../../src/core/consent-rules.ts';
import { isReservedLabel } from '../../src/core/consent-type.ts';
import { parseDuration } from '../../src/core/duration.ts';
import type { ConsentCategory, ConsentType } from '../../src/core/types.ts';
import type { ConsentTypeFields } from './schema.ts';
import { canonicalJson } from '../crypto/canonical-json.ts';
import { httpError } from '../http/http-error.ts';
import { isClickableUrl } from '../http/link-rule.ts';

/** A consent type with what the core type leaves out. */
export interface ConsentTypeDraft {
  type: ConsentType;
  subcategory?: unknown;
}

// Events record the version they were given under; these fields change what a person agreed to.
const VERSIONED = ['name', 'description', 'document', 'url'] as const;
const IMMUTABLE = ['category', 'subcategory', 'label'] as const;

function checkRules(type: ConsentType) {
  if (type.url !== undefined && !isClickableUrl(type.url)) {
    // Issue 22 §3: the notice rendered `javascript:` urls as links that ran in the site's origin.
    throw httpError(
      400,
      `url "${type.url}" is not a link a visitor may follow: use https:, http: on a loopback host, or a path on the site (/privacy.html)`,
    );
  }
  if (type.consentDuration !== undefined) {
    if (!parseDuration(type.consentDuration)) {
      throw httpError(422, `consentDuration "${type.consentDuration}" is not an ISO 8601 duration`);
    }
    // Issue 22 §2: `P0D` and durations past the category's cap were stored.
    const refusal = refuseDuration(type.category, type.consentDuration);
    if (refusal) throw httpError(400, refusal);
  }
  if (type.requireReacceptVersion !== undefined && type.requireReacceptVersion > type.version) {
    throw httpError(
      422,
      `requireReacceptVersion ${type.requireReacceptVersion} is above the current version ${type.version}`,
    );
  }
  if (type.required && type.validStates.includes('declined')) {
    throw httpError(422, 'a required consent type cannot have "declined" among its validStates');
  }
}

/** A new consent type from a create body (schema-checked). */
export function draftConsentType(id: string, body: ConsentTypeFields): ConsentTypeDraft {
  if (isReservedLabel(body.label!)) {
    throw httpError(
      400,
      `label "${body.label}" is reserved: it names a property every JavaScript object has`,
    );
  }
  const type: ConsentType = {
    id,
    category: body.category as ConsentCategory,
    label: body.label!,
    version: 1,
    name: body.name!,
    description: body.description!,
    ...(typeof body.url === 'string' && { url: body.url }),
    ...(typeof body.document === 'string' && { document: body.document }),
    required: body.required ?? false,
    readOnly: body.readOnly ?? false,
    validStates: (body.validStates ?? [
      'viewed',
      'accepted',
      'declined',
      'implied',
    ]) as ConsentType['validStates'],
    status: (body.status ?? 'active') as ConsentType['status'],
    ...(typeof body.consentDuration === 'string' && { consentDuration: body.consentDuration }),
    ...(typeof body.requireReacceptVersion === 'number' && {
      requireReacceptVersion: body.requireReacceptVersion,
    }),
  };
  if (body.required && body.validStates === undefined) type.validStates = ['accepted'];
  checkRules(type);
  return { type, ...(body.subcategory !== undefined && { subcategory: body.subcategory }) };
}

/**
 * The consent type after an update body (schema-checked): `category`, `subcategory` and
 * `label` may only be repeated unchanged (422 otherwise); a change of name, description,
 * document or url bumps `version`.
 */
export function changeConsentType(
  current: ConsentTypeDraft,
  body: ConsentTypeFields,
): ConsentTypeDraft {
  const before: Record<string, unknown> = { ...current.type, subcategory: current.subcategory };
  for (const field of IMMUTABLE) {
    if (field in body && canonicalJson(body[field]) !== canonicalJson(before[field])) {
      throw httpError(422, `${field} cannot be changed; create a new consent type instead`);
    }
  }
  const next: Record<string, unknown> = { ...current.type };
  for (const [field, value] of Object.entries(body)) {
    if ((IMMUTABLE as readonly string[]).includes(field)) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  const changed = VERSIONED.some((field) => next[field] !== before[field]);
  const type = { ...next, version: current.type.version + (changed ? 1 : 0) } as ConsentType;
  checkRules(type);
  return { type, ...(current.subcategory !== undefined && { subcategory: current.subcategory }) };
}
