import { describe, expectTypeOf, it } from 'vitest';
import type { PersonIdentifier } from '../core/identifiers.ts';
import type { ConsentState } from '../core/types.ts';
import type {
  AssentApi,
  AssentConsentState,
  AssentEvents,
  AssentIdentifierClaim,
  AssentIdentity,
} from '../../types/assent.d.ts';

/** The named keys of a type, without its index signature (AssentEvents extends a Record). */
type NamedKeys<T> = keyof { [K in keyof T as string extends K ? never : K]: T[K] };

// A type test, run by Vitest's typecheck (`npm run test:unit`, the `types` project of
// vitest.config.ts) and by `npm run typecheck`: changing the public surface in types/assent.d.ts
// without changing these lists fails both.
describe('types/assent.d.ts', () => {
  it('pins the window API methods and properties', () => {
    expectTypeOf<keyof AssentApi>().toEqualTypeOf<
      | 'ready'
      | 'get'
      | 'allowed'
      | 'accept'
      | 'decline'
      | 'showNotice'
      | 'showPreferences'
      | 'identify'
      | 'reset'
      | 'on'
      | 'push'
    >();
    expectTypeOf<AssentApi['identify']>().parameters.toEqualTypeOf<[AssentIdentity]>();
    expectTypeOf<AssentApi['showPreferences']>().parameters.toEqualTypeOf<[Element?]>();
  });

  it('pins the event names', () => {
    expectTypeOf<NamedKeys<AssentEvents>>().toEqualTypeOf<
      | 'ready'
      | 'change'
      | 'notice:show'
      | 'notice:hide'
      | 'preferences:show'
      | 'preferences:hide'
      | 'sync'
      | 'error'
    >();
  });

  it('pins what identify takes: a token, whose claim is one of the identifiers', () => {
    expectTypeOf<AssentIdentity>().toEqualTypeOf<{ token: string }>();
    expectTypeOf<AssentIdentifierClaim>().toEqualTypeOf<
      'userId' | 'email' | 'phoneNumber' | 'projectUserId'
    >();
  });

  it('types the custom elements', () => {
    expectTypeOf<HTMLElementTagNameMap['assent-gate']['loaded']>().toEqualTypeOf<boolean>();
  });
});

// types/assent.d.ts stands alone (a site owner copies it), so it repeats the core types it
// exposes instead of importing them; these checks keep each copy equal to its original.
describe('types/assent.d.ts against src/core/types.ts', () => {
  it('states a consent type can be in are the core ones', () => {
    expectTypeOf<AssentConsentState>().toEqualTypeOf<ConsentState>();
  });

  it("an identity token's identifier claims are the core person identifiers", () => {
    expectTypeOf<AssentIdentifierClaim>().toEqualTypeOf<PersonIdentifier>();
  });

  it('event states are core consent states by label', () => {
    expectTypeOf<AssentEvents['ready']['states']>().toEqualTypeOf<Record<string, ConsentState>>();
    expectTypeOf<AssentEvents['change']['states']>().toEqualTypeOf<Record<string, ConsentState>>();
    expectTypeOf<ReturnType<AssentApi['get']>>().toEqualTypeOf<ConsentState | undefined>();
  });
});
