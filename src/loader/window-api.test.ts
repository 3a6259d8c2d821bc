import { describe, expectTypeOf, it } from 'vitest';
import type { AssentApi, AssentEvents, AssentIdentifiers } from '../../types/assent.d.ts';

/** The named keys of a type, without its index signature (AssentEvents extends a Record). */
type NamedKeys<T> = keyof { [K in keyof T as string extends K ? never : K]: T[K] };

// Checked by the typechecker (`tsc` includes this file): changing the public surface in
// types/assent.d.ts without changing these lists fails the gate.
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
    expectTypeOf<AssentApi['identify']>().parameters.toEqualTypeOf<[AssentIdentifiers]>();
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

  it('pins the identifiers identify takes', () => {
    expectTypeOf<keyof AssentIdentifiers>().toEqualTypeOf<
      'userId' | 'email' | 'phoneNumber' | 'projectUserId'
    >();
  });

  it('types the custom elements', () => {
    expectTypeOf<HTMLElementTagNameMap['assent-gate']['loaded']>().toEqualTypeOf<boolean>();
  });
});
