import { GppModel } from '@iabgpp/cmpapi';
import { describe, expect, it } from 'vitest';
import {
  optOutCategoriesOf,
  SENSITIVE_DATA_CATEGORIES,
  sensitiveCategoriesOf,
} from '../core/opt-out-category.ts';
import type { ConsentState, ConsentType, GppUsSection, SiteConfig } from '../core/types.ts';
import { encodeGppString, SECTIONS } from './gpp-string.ts';
import {
  optOutStatus,
  SENSITIVE_DATA_FIELDS,
  sectionValues,
  sensitiveDataStatus,
} from './us-sections.ts';

const type = (label: string, subcategory: unknown): ConsentType => ({
  id: `id-${label}`,
  category: 'privacy_setting',
  label,
  version: 1,
  name: label,
  description: '',
  required: false,
  readOnly: false,
  validStates: ['accepted', 'declined'],
  status: 'active',
  subcategory,
});

const NAMES = Object.keys(SECTIONS) as GppUsSection[];

/** The sections of a project with these types, for these states, read by the IAB's decoder. */
function decoded(types: ConsentType[], states: Record<string, ConsentState>) {
  const config = { consentTypes: types } as SiteConfig;
  const status = optOutStatus(config, states);
  const sensitive = sensitiveDataStatus(config, states);
  const sections = Object.fromEntries(
    NAMES.map((name) => [name, sectionValues(name, status, false, sensitive)]),
  );
  const model = new GppModel(encodeGppString(sections));
  return (name: GppUsSection, field: string) => model.getFieldValue(name, field) as unknown;
}

describe('sensitive data in the US sections', () => {
  it('maps every field of every section onto the named categories, as many as the layout has', () => {
    for (const name of NAMES) {
      const field = SECTIONS[name].core.find(([field]) => field === 'SensitiveDataProcessing')!;
      expect(SENSITIVE_DATA_FIELDS[name].length, name).toBe(field[2]);
    }
    const covered = new Set(Object.values(SENSITIVE_DATA_FIELDS).flat(2));
    expect([...covered].sort()).toEqual([...SENSITIVE_DATA_CATEGORIES].sort());
  });

  it('reads the marks: a named category, all of them, or none', () => {
    expect(sensitiveCategoriesOf(type('h', 'sensitive_data:health'))).toEqual(['health']);
    expect(
      sensitiveCategoriesOf(
        type('h', ['sale', 'sensitive_data:precise_geolocation', 'sensitive_data:health']),
      ),
    ).toEqual(['health', 'precise_geolocation']);
    expect(sensitiveCategoriesOf(type('h', 'sensitive_data'))).toEqual([
      ...SENSITIVE_DATA_CATEGORIES,
    ]);
    expect(sensitiveCategoriesOf(type('h', 'sensitive_data:astrology'))).toEqual([]);
    expect(sensitiveCategoriesOf(type('h', 'sale'))).toEqual([]);
    expect(optOutCategoriesOf(type('h', 'sensitive_data:health'))).toEqual(['sensitive_data']);
    expect(optOutCategoriesOf(type('h', 'sensitive_data:astrology'))).toEqual([]);
  });

  it('writes only the fields of the categories a type processes, per section', () => {
    const field = decoded(
      [
        type('health', 'sensitive_data:health'),
        type('place', 'sensitive_data:precise_geolocation'),
      ],
      { health: 'declined', place: 'accepted' },
    );
    // usnat: health is field 3, precise geolocation field 8.
    expect(field('usnat', 'SensitiveDataProcessing')).toEqual([
      0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    // California: precise geolocation 3, health 8.
    expect(field('usca', 'SensitiveDataProcessing')).toEqual([0, 0, 2, 0, 0, 0, 0, 1, 0]);
    // Utah orders health after citizenship; Colorado has no geolocation field.
    expect(field('usut', 'SensitiveDataProcessing')).toEqual([0, 0, 0, 0, 1, 0, 0, 2]);
    expect(field('usco', 'SensitiveDataProcessing')).toEqual([0, 0, 1, 0, 0, 0, 0]);
    expect(field('usva', 'SensitiveDataProcessing')).toEqual([0, 0, 1, 0, 0, 0, 0, 2]);
    expect(field('usca', 'SensitiveDataLimitUseNotice')).toBe(1);
    expect(field('usnat', 'SensitiveDataProcessingOptOutNotice')).toBe(1);
    expect(field('usut', 'SensitiveDataProcessingOptOutNotice')).toBe(1);
  });

  it("combines California's shared field, and gives no notice where no field applies", () => {
    const field = decoded(
      [
        type('faith', 'sensitive_data:religious_beliefs'),
        type('union', 'sensitive_data:union_membership'),
        type('victim', 'sensitive_data:crime_victim'),
      ],
      { faith: 'accepted', union: 'declined', victim: 'declined' },
    );
    // Racial or ethnic origin, religious beliefs, union membership: one field, opted out of one.
    expect(field('usca', 'SensitiveDataProcessing')).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(field('usnat', 'SensitiveDataProcessing')).toEqual([
      0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0,
    ]);
    const victimOnly = decoded([type('victim', 'sensitive_data:crime_victim')], {
      victim: 'accepted',
    });
    // No state section has a crime-victim field: not applicable there, notice included.
    expect(victimOnly('usca', 'SensitiveDataProcessing')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(victimOnly('usca', 'SensitiveDataLimitUseNotice')).toBe(0);
    expect(victimOnly('usnat', 'SensitiveDataLimitUseNotice')).toBe(1);
    expect((victimOnly('usnat', 'SensitiveDataProcessing') as number[])[13]).toBe(2);
  });

  it('keeps the coarse mark meaning every category', () => {
    const field = decoded([type('all', 'sensitive_data')], { all: 'declined' });
    expect(field('usnat', 'SensitiveDataProcessing')).toEqual(Array(16).fill(1));
    expect(field('usco', 'SensitiveDataProcessing')).toEqual(Array(7).fill(1));
    const none = decoded([type('ads', 'targeted_advertising')], { ads: 'accepted' });
    expect(none('usnat', 'SensitiveDataProcessing')).toEqual(Array(16).fill(0));
    expect(none('usnat', 'SensitiveDataLimitUseNotice')).toBe(0);
  });
});
