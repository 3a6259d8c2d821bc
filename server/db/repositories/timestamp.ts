/** An ISO 8601 date as `Date.prototype.toISOString` writes it. */
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * Both drivers return `timestamptz` as a `Date`; the API speaks ISO 8601 in UTC (`…Z`). A string
 * already in that form (the writer's own, for a row just inserted) is answered as it is.
 */
export function toIso(value: Date | string): string {
  if (typeof value === 'string' && ISO.test(value)) return value;
  return new Date(value).toISOString();
}
