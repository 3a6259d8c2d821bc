/**
 * Shapes the widget's tests build their configs from (tests only: no bundle imports this): a
 * consent type a visitor may accept, decline or be implied, and a project's config of them.
 */
import type { ConsentType, SiteConfig } from './types.ts';

export const TEST_PROJECT = '00000000-0000-4000-8000-00000000000b';

export const consentType = (label: string, extra: Partial<ConsentType> = {}): ConsentType => ({
  id: `id-${label}`,
  category: 'privacy_setting',
  label,
  version: 1,
  name: label[0]!.toUpperCase() + label.slice(1),
  description: '',
  required: false,
  readOnly: false,
  validStates: ['viewed', 'accepted', 'declined', 'implied'],
  status: 'active',
  ...extra,
});

export const siteConfig = (
  consentTypes: ConsentType[],
  extra: Partial<SiteConfig> = {},
): SiteConfig => ({
  projectId: TEST_PROJECT,
  name: 'Test',
  consentTypes,
  defaultConsentDuration: 'P6M',
  texts: {},
  defaultLanguage: 'en',
  theme: { accent: '#000' },
  geography: 'unknown',
  policy: 'opt-in',
  ...extra,
});
