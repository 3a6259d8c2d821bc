import { CATEGORIES, CONSENT_STATES } from '../../src/core/consent-type.ts';

/**
 * Request bodies of the Privacy API's consent types, with the field limits of seed 000's
 * `consentType` object. `category`, `subcategory` and `label` are accepted by the update schema
 * only so that the route can answer "immutable" rather than "unknown field".
 */
const fields = {
  category: {
    anyOf: [
      { type: 'string', enum: [...CATEGORIES] },
      { type: 'string', maxLength: 128, pattern: '^custom_[a-z0-9_]{1,121}$' },
    ],
  },
  subcategory: {},
  label: { type: 'string', pattern: '^[a-z0-9_]{1,36}$' },
  name: { type: 'string', minLength: 1, maxLength: 100 },
  description: { type: 'string', maxLength: 2000 },
  // Which URLs are links a visitor may follow is `http/link-rule.ts`'s to say (site paths too).
  url: { type: ['string', 'null'], maxLength: 2048 },
  document: { type: ['string', 'null'], maxLength: 5_000_000 },
  required: { type: 'boolean' },
  readOnly: { type: 'boolean' },
  validStates: {
    type: 'array',
    minItems: 1,
    uniqueItems: true,
    items: { type: 'string', enum: [...CONSENT_STATES] },
  },
  status: { type: 'string', enum: ['active', 'archived', 'obsolete', 'test'] },
  consentDuration: { type: ['string', 'null'], maxLength: 64 },
  requireReacceptVersion: { type: ['integer', 'null'], minimum: 1 },
};

export const createConsentTypeSchema = {
  type: 'object',
  properties: fields,
  required: ['category', 'label', 'name', 'description'],
  additionalProperties: false,
};

export const updateConsentTypeSchema = {
  type: 'object',
  properties: fields,
  minProperties: 1,
  additionalProperties: false,
};

/** A create or update body once its schema passed; `null` clears an optional field. */
export interface ConsentTypeFields {
  category?: string;
  subcategory?: unknown;
  label?: string;
  name?: string;
  description?: string;
  url?: string | null;
  document?: string | null;
  required?: boolean;
  readOnly?: boolean;
  validStates?: string[];
  status?: string;
  consentDuration?: string | null;
  requireReacceptVersion?: number | null;
}
