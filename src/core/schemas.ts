/**
 * JSON Schemas transcribed from the seeds, so that the widget, the server and the tests check
 * against the same text. Seed 000: Concord Privacy API "create consent events" (request and 201);
 * seed 001: Concord Site API "get consent event by id" (200). Keep them exact: outside clients are
 * written against the seeds.
 */

import { IDENTIFIER_MAX_LENGTH, PERSON_IDENTIFIERS } from './identifiers.ts';
import { NOTICE_HASH_PATTERN } from './proof.ts';

const anyValue = {
  oneOf: [
    { type: 'array', items: {} },
    { type: 'boolean' },
    { type: 'number' },
    { type: 'object' },
    { type: 'string' },
  ],
};

const category = {
  anyOf: [
    {
      type: 'string',
      enum: ['disclosure', 'communication', 'privacy_setting', 'custom'],
      maxLength: 128,
    },
    { type: 'string', maxLength: 128, pattern: '^custom_[a-z0-9_]{1,121}$' },
  ],
};

const consentState = { type: 'string', enum: ['implied', 'viewed', 'accepted', 'declined'] };
const consentAction = { type: 'string', enum: ['implied', 'user_click', 'import'] };
const uuid = { type: 'string', format: 'uuid' };
const dateTime = { type: 'string', format: 'date-time' };
const reference = {
  anyOf: [
    uuid,
    {
      type: 'object',
      properties: { id: uuid, name: { type: 'string' } },
      additionalProperties: false,
    },
  ],
};
const responseLabel = { type: 'string', maxLength: 128, pattern: '[a-z0-9_*]{1,128}$' };

/** Seed 000: one item of the request body. */
export const consentEventItemSchema = {
  type: 'object',
  properties: {
    projectUserId: { type: 'string' },
    userId: { type: 'string' },
    email: { type: 'string', format: 'email' },
    phoneNumber: { type: 'string' },
    concordId: uuid,
    consentType: uuid,
    category,
    subcategory: anyValue,
    label: { type: 'string', pattern: '^[a-z0-9_]{1,36}$' },
    consentState,
    consentAction,
    consentDate: dateTime,
    expirationDate: dateTime,
  },
  required: ['consentState', 'consentAction'],
  additionalProperties: false,
  allOf: [
    {
      anyOf: [
        { required: ['concordId'] },
        { required: ['email'] },
        { required: ['phoneNumber'] },
        { required: ['projectUserId'] },
        { required: ['userId'] },
      ],
    },
  ],
};

/** Seed 000: the request body of the Privacy API's `POST …/consent-events`, exactly. */
export const privacyConsentEventsRequestSchema = {
  type: 'object',
  properties: {
    items: { type: 'array', minItems: 1, items: consentEventItemSchema },
  },
  required: ['items'],
  additionalProperties: false,
};

const proofSurface = {
  type: 'string',
  enum: ['notice', 'preferences', 'api', 'gate', 'link', 'import', 'signal'],
};
const language = { type: 'string', maxLength: 35, pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$' };

/** A notice snapshot (`NoticeSnapshot` in types.ts): what a surface showed. */
export const noticeSnapshotSchema = {
  type: 'object',
  properties: {
    surface: proofSurface,
    language,
    texts: {
      type: 'object',
      maxProperties: 64,
      propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_.]{0,63}$' },
      additionalProperties: { type: 'string', maxLength: 5000 },
    },
    types: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        properties: {
          id: uuid,
          label: { type: 'string', pattern: '^[a-z0-9_]{1,36}$' },
          version: { type: 'integer' },
          category,
          name: { type: 'string', maxLength: 100 },
          description: { type: 'string', maxLength: 2000 },
          required: { type: 'boolean' },
          url: { type: 'string', maxLength: 2000 },
        },
        required: ['id', 'label', 'version', 'category', 'name', 'description'],
        additionalProperties: false,
      },
    },
    buttons: {
      type: 'array',
      maxItems: 16,
      items: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' },
    },
  },
  required: ['surface', 'language', 'texts', 'types', 'buttons'],
  additionalProperties: false,
};

/**
 * The IAB strings' longest (issues 20, 21): a TC string for the whole GVL's 1,000-odd vendors
 * in bit fields is under 1,000 characters, an AC string for Google's 600-odd providers under
 * 4,000; the cap leaves room and keeps a batch of 100 events small.
 */
export const IAB_STRING_MAX_LENGTH = 10_000;
/** A TC string: base64url segments separated by `.` (core, then Disclosed Vendors, publisher). */
export const TC_STRING_PATTERN = '^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+){0,3}$';
/** Google's Additional Consent string v2: `2~<consented ids>~dv.<disclosed ids>`, `.`-separated. */
export const AC_STRING_PATTERN = '^2~([0-9]+(\\.[0-9]+)*)?~dv\\.([0-9]+(\\.[0-9]+)*)?$';
/** A GPP string: the `DB…` header, then one segment per section (itself `.`-separated), `~`-separated. */
export const GPP_STRING_PATTERN = '^DB[A-Za-z0-9_-]+(~[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*)*$';

/**
 * An event's proof (`ConsentProof` in types.ts): a closed set of optional keys. A feature that
 * proves more adds its key here and to the type, never beside it.
 */
export const proofSchema = {
  type: 'object',
  properties: {
    noticeHash: { type: 'string', pattern: NOTICE_HASH_PATTERN },
    language,
    surface: proofSurface,
    signals: {
      type: 'object',
      properties: { gpc: { type: 'boolean' }, gpcHonoured: { type: 'boolean' } },
      additionalProperties: false,
      // Honoured is said of a signal that was there.
      dependencies: { gpcHonoured: { properties: { gpc: { const: true } }, required: ['gpc'] } },
    },
    tcf: {
      type: 'object',
      properties: {
        tcString: { type: 'string', maxLength: IAB_STRING_MAX_LENGTH, pattern: TC_STRING_PATTERN },
        acString: { type: 'string', maxLength: IAB_STRING_MAX_LENGTH, pattern: AC_STRING_PATTERN },
      },
      required: ['tcString'],
      additionalProperties: false,
    },
    gpp: {
      type: 'object',
      properties: {
        gppString: {
          type: 'string',
          maxLength: IAB_STRING_MAX_LENGTH,
          pattern: GPP_STRING_PATTERN,
        },
        applicableSections: {
          type: 'array',
          maxItems: 32,
          uniqueItems: true,
          items: { type: 'integer', minimum: -1, maximum: 63 },
        },
      },
      required: ['gppString'],
      additionalProperties: false,
    },
    notice: noticeSnapshotSchema,
  },
  additionalProperties: false,
  dependencies: { notice: ['noticeHash'] },
};

/**
 * The Site API's `POST …/consent-events`: seed 000's items plus a client-made `id` and the
 * event's `proof` (issue 17), 1–100 items,
 * and identifiers of at most {@link IDENTIFIER_MAX_LENGTH} characters (issue 22 §5; the Privacy
 * API keeps seed 000's schema and checks the same limit on each item).
 */
export const siteConsentEventsRequestSchema = {
  type: 'object',
  properties: {
    items: {
      type: 'array',
      minItems: 1,
      maxItems: 100,
      items: {
        ...consentEventItemSchema,
        properties: {
          id: uuid,
          ...consentEventItemSchema.properties,
          proof: proofSchema,
          ...Object.fromEntries(
            PERSON_IDENTIFIERS.map((name) => [
              name,
              { ...consentEventItemSchema.properties[name], maxLength: IDENTIFIER_MAX_LENGTH },
            ]),
          ),
        },
      },
    },
  },
  required: ['items'],
  additionalProperties: false,
};

/** Seed 000/001: the consent type object inside a stored event. */
const consentTypeObject = {
  type: 'object',
  properties: {
    createdAt: anyValue,
    updatedAt: anyValue,
    id: uuid,
    organization: reference,
    project: reference,
    category,
    subcategory: anyValue,
    label: responseLabel,
    version: { type: 'integer' },
    dateCreated: dateTime,
    dateUpdated: dateTime,
    name: { type: 'string', maxLength: 100 },
    description: { type: 'string', maxLength: 2000 },
    document: { type: 'string', maxLength: 5000000 },
    url: { type: 'string', format: 'uri' },
    readOnly: { type: 'boolean', default: false },
    validStates: { type: 'array', items: consentState },
    status: { type: 'string', enum: ['active', 'archived', 'obsolete', 'test'] },
    consentDuration: { type: 'string' },
    required: { type: 'boolean', default: false },
    requireReacceptVersion: { type: 'integer' },
  },
  required: ['id', 'project', 'version', 'name', 'description'],
  additionalProperties: false,
};

/** Seed 001: `GET /site-v1/{projectId}/consent-events/{id}` → 200; also seed 000's 201 items. */
export const consentEventRecordSchema = {
  type: 'object',
  properties: {
    createdAt: anyValue,
    updatedAt: anyValue,
    id: uuid,
    concordId: uuid,
    consentAction,
    consentDate: dateTime,
    consentState,
    dateCreated: dateTime,
    dateUpdated: dateTime,
    consentType: { anyOf: [uuid, consentTypeObject] },
    expirationDate: dateTime,
    organization: reference,
    project: reference,
    session: {
      type: 'object',
      properties: {
        id: uuid,
        ipAddress: { type: 'string', format: 'ipv4' },
        domain: { anyOf: [{ enum: ['localhost'] }, { type: 'string' }] },
        geography: { type: 'string' },
        userAgent: { type: 'string' },
      },
      additionalProperties: false,
    },
    submitter: uuid,
    category,
    subcategory: anyValue,
    label: responseLabel,
    version: { type: 'integer' },
  },
  required: ['id', 'concordId', 'consentAction', 'consentDate', 'consentState', 'expirationDate'],
  additionalProperties: false,
};

/** Seed 000: the 201 response of `POST …/consent-events`. */
export const consentEventsResponseSchema = {
  type: 'object',
  properties: {
    count: { type: 'number' },
    items: { type: 'array', items: consentEventRecordSchema },
  },
  additionalProperties: false,
};

/**
 * `POST /site-v1/{projectId}/sessions`: `{}` for a new visitor, or `{concordId, visitorSecret}`
 * for a known one (issue 22 §1; a `concordId` alone is refused with 403 by the route).
 */
export const siteSessionRequestSchema = {
  type: 'object',
  properties: {
    concordId: { type: 'string', format: 'uuid' },
    // At least 128 bits of base64url; the server and the widget make 256.
    visitorSecret: { type: 'string', pattern: '^[A-Za-z0-9_-]{22,128}$' },
  },
  dependencies: { visitorSecret: ['concordId'] },
  additionalProperties: false,
};

/** `PUT /site-v1/{projectId}/profile`: only an identity token the site's backend signed. */
export const siteProfileRequestSchema = {
  type: 'object',
  properties: { token: { type: 'string', minLength: 1, maxLength: 4096 } },
  required: ['token'],
  additionalProperties: false,
};

/** Seeds 000/001: every error response. */
export const errorSchema = {
  type: 'object',
  properties: {
    statusCode: { type: 'integer', format: 'int32' },
    error: { type: 'string' },
    message: { type: 'string' },
  },
  required: ['statusCode', 'error', 'message'],
};
