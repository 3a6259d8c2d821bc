import { GppModel } from '@iabgpp/cmpapi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GppUsSection } from '../core/types.ts';
import {
  emptySection,
  encodeGppString,
  fibonacci,
  SECTIONS,
  type SectionValues,
} from './gpp-string.ts';

const NAMES = Object.keys(SECTIONS) as GppUsSection[];

/** What the IAB's own decoder reads from our string. */
function decode(gppString: string) {
  const model = new GppModel(gppString);
  return model;
}

describe('the GPP string of the US sections', () => {
  it('writes Fibonacci codes as the IAB does', () => {
    expect(fibonacci(1)).toBe('11');
    expect(fibonacci(2)).toBe('011');
    expect(fibonacci(3)).toBe('0011');
    expect(fibonacci(7)).toBe('01011');
  });

  it('writes the same string as the IAB library for each empty section', () => {
    for (const name of NAMES) {
      const ours = encodeGppString({ [name]: emptySection(name) });
      const model = new GppModel();
      model.setFieldValue(name, 'Version', SECTIONS[name].version);
      expect(ours, name).toBe(model.encode());
    }
  });

  it('round-trips random values of every section and every set of sections through the IAB decoder', () => {
    const twoBits = fc.integer({ min: 0, max: 2 });
    fc.assert(
      fc.property(
        fc.subarray(NAMES, { minLength: 1 }),
        fc.array(twoBits, { minLength: 40, maxLength: 40 }),
        fc.boolean(),
        (names, randoms, gpc) => {
          const sections: Partial<Record<GppUsSection, SectionValues>> = {};
          for (const name of names) {
            const values = emptySection(name);
            let next = 0;
            for (const [field, , count] of SECTIONS[name].core) {
              if (field === 'Version') continue;
              values[field] = count
                ? Array.from({ length: count }, () => randoms[next++ % randoms.length]!)
                : randoms[next++ % randoms.length]!;
            }
            values.MspaCoveredTransaction = gpc ? 1 : 2;
            if ('Gpc' in values) values.Gpc = gpc;
            sections[name] = values;
          }
          const model = decode(encodeGppString(sections));
          expect(model.getSectionIds()).toEqual(names.map((name) => SECTIONS[name].id));
          for (const name of names) {
            for (const [field, value] of Object.entries(sections[name]!)) {
              expect(model.getFieldValue(name, field), `${name}.${field}`).toEqual(value);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
