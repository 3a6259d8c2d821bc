import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { httpError } from './http-error.ts';

// ajv-formats is CommonJS; under ESM its function is the default export's `default`.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

function place(error: ErrorObject): string {
  return error.instancePath === '' ? 'body' : error.instancePath.slice(1);
}

function describe(error: ErrorObject): string {
  const { params } = error;
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return `${error.message} (${params.allowedValues.join(', ')})`;
  }
  if (error.keyword === 'additionalProperties') {
    return `${error.message} (${String(params.additionalProperty)})`;
  }
  return error.message ?? 'is invalid';
}

/**
 * One sentence naming the first field at fault, e.g.
 * `items/0/consentState must be equal to one of the allowed values (implied, …)`.
 */
function explain(errors: ErrorObject[]): string {
  const first = errors[0];
  if (!first) return 'body is invalid';
  // seed 000: an item must name the person through one of five fields (an anyOf of `required`).
  const missing = errors.filter(
    (error) => error.keyword === 'required' && error.instancePath === first.instancePath,
  );
  const anyOf = errors.find(
    (error) =>
      (error.keyword === 'anyOf' || error.keyword === 'oneOf') &&
      error.instancePath === first.instancePath,
  );
  if (anyOf && missing.length > 1 && missing[0] === first) {
    const names = missing.map((error) => String(error.params.missingProperty));
    return `${place(first)} must have one of ${names.join(', ')}`;
  }
  if (anyOf) {
    const alternatives = errors.filter(
      (error) => error !== anyOf && error.instancePath === first.instancePath,
    );
    return `${place(first)} ${alternatives.map(describe).join(' or ')}`;
  }
  return `${place(first)} ${describe(first)}`;
}

/** A checker for one JSON Schema; throws a 400 that names the field at fault. */
export function compileSchema<T>(schema: object): (value: unknown) => T {
  const validate = ajv.compile(schema);
  return (value) => {
    if (!validate(value)) throw httpError(400, explain(validate.errors ?? []));
    return value as T;
  };
}
