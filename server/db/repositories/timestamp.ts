/** Both drivers return `timestamptz` as a `Date`; the API speaks ISO 8601 in UTC (`…Z`). */
export function toIso(value: Date | string): string {
  return new Date(value).toISOString();
}
