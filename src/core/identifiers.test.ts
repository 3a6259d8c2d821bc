import { describe, expect, expectTypeOf, it } from 'vitest';
import { PERSON_IDENTIFIERS, type PersonIdentifier } from './identifiers.ts';
import type { PersonIdentifiers } from './types.ts';

describe('PERSON_IDENTIFIERS', () => {
  it("lists seed 000's person identifiers besides concordId, once each", () => {
    expect(PERSON_IDENTIFIERS).toEqual(['userId', 'email', 'phoneNumber', 'projectUserId']);
    expect(new Set(PERSON_IDENTIFIERS).size).toBe(PERSON_IDENTIFIERS.length);
    expectTypeOf<PersonIdentifier>().toEqualTypeOf<Exclude<keyof PersonIdentifiers, 'concordId'>>();
  });
});
