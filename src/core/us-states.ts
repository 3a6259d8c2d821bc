import type { GppUsSection, OptOutCategory, UsStateRule } from './types.ts';

const VIRGINIA_MODEL: OptOutCategory[] = ['sale', 'targeted_advertising'];
const general = { atCollection: false, optOutLink: 'opt-out', signalHonoured: false } as const;

/**
 * Every state with a comprehensive consumer privacy law in force or enacted (IAPP's state privacy
 * legislation tracker, 2026). Twelve require honouring an opt-out preference signal; California
 * alone needs the notice at collection, its own link wording, and showing the signal was honoured.
 */
export const US_STATE_RULES: readonly UsStateRule[] = [
  {
    region: 'US-CA',
    law: 'CCPA as amended by the CPRA',
    effective: '2020-01-01',
    optOuts: ['sale', 'sharing', 'sensitive_data'],
    // CCPA regulations §7025: a signal is a request to opt out of sale and sharing.
    gpc: ['sale', 'sharing'],
    notice: { atCollection: true, optOutLink: 'do-not-sell-or-share', signalHonoured: true },
    gppSection: 'usca',
  },
  rule('US-VA', 'VCDPA', '2023-01-01', VIRGINIA_MODEL, [], 'usva'),
  rule('US-CO', 'Colorado Privacy Act', '2023-07-01', VIRGINIA_MODEL, VIRGINIA_MODEL, 'usco'),
  rule('US-CT', 'CTDPA', '2023-07-01', VIRGINIA_MODEL, VIRGINIA_MODEL, 'usct'),
  // Utah and Iowa make sensitive data an opt-out (notice and a chance to opt out), not opt-in.
  rule('US-UT', 'UCPA', '2023-12-31', [...VIRGINIA_MODEL, 'sensitive_data'], [], 'usut'),
  rule('US-IA', 'ICDPA', '2025-01-01', [...VIRGINIA_MODEL, 'sensitive_data'], []),
  rule('US-MT', 'MCDPA', '2023-10-01', VIRGINIA_MODEL, VIRGINIA_MODEL),
  rule('US-OR', 'OCPA', '2024-07-01', VIRGINIA_MODEL, VIRGINIA_MODEL),
  rule('US-TX', 'TDPSA', '2024-07-01', VIRGINIA_MODEL, VIRGINIA_MODEL),
  rule('US-DE', 'DPDPA', '2025-01-01', VIRGINIA_MODEL, VIRGINIA_MODEL),
  rule('US-NH', 'NHPA', '2025-01-01', VIRGINIA_MODEL, VIRGINIA_MODEL),
  rule('US-NE', 'NDPA', '2025-01-01', VIRGINIA_MODEL, VIRGINIA_MODEL),
  rule('US-NJ', 'NJDPA', '2025-01-15', VIRGINIA_MODEL, VIRGINIA_MODEL),
  rule('US-TN', 'TIPA', '2025-07-01', VIRGINIA_MODEL, []),
  rule('US-MN', 'MCDPA (Minnesota)', '2025-07-31', VIRGINIA_MODEL, VIRGINIA_MODEL),
  rule('US-MD', 'MODPA', '2025-10-01', VIRGINIA_MODEL, VIRGINIA_MODEL),
  rule('US-IN', 'ICDPA (Indiana)', '2026-01-01', VIRGINIA_MODEL, []),
  rule('US-KY', 'KCDPA', '2026-01-01', VIRGINIA_MODEL, []),
  rule('US-RI', 'RIDTPPA', '2026-01-01', VIRGINIA_MODEL, []),
];

function rule(
  region: string,
  law: string,
  effective: string,
  optOuts: OptOutCategory[],
  gpc: OptOutCategory[],
  gppSection: GppUsSection = 'usnat',
): UsStateRule {
  return { region, law, effective, optOuts, gpc, notice: general, gppSection };
}

/** The rule of a geography (`US-CA`) in force at `now`; `undefined` outside those states. */
export function usStateRuleFor(geography: string, now: Date): UsStateRule | undefined {
  const found = US_STATE_RULES.find((state) => state.region === geography);
  return found && now.toISOString().slice(0, 10) >= found.effective ? found : undefined;
}
