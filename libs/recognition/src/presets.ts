import type { RecognitionAgreement } from './agreement';
import type { ProvinceOffsetLimits } from './offset-limits';

/**
 * The first mutual-recognition rules (no public Sichuan–Chongqing rulebook exists; this is our design):
 * carbon-inclusion credits and forestry sinks of vintages 2021–2026, one for one, up to 500,000 t a year each
 * way, for compliance offsets and voluntary retirement. Hydro stays excluded in Chongqing, as for its own offsets.
 * CCER is national and already eligible in both markets, so it needs no recognition.
 */
export const CHENGYU_RECOGNITION_2026_1: RecognitionAgreement = {
  version: '2026.1',
  title: '川渝核证减排量互认规则 / Sichuan–Chongqing mutual recognition of certified reductions',
  sagaTimeoutMinutes: 1_440,
  rules: [
    {
      ruleId: 'SC-CQ-INCLUSION',
      origin: 'SC',
      destination: 'CQ',
      creditKinds: ['TANHUI_TIANFU', 'FORESTRY_SINK'],
      vintages: { from: 2021, to: 2026 },
      excludedProjectTypes: ['hydro'],
      conversion: { num: 1, den: 1 },
      annualQuota: 500_000,
      uses: ['compliance-offset', 'voluntary-retirement'],
    },
    {
      ruleId: 'CQ-SC-INCLUSION',
      origin: 'CQ',
      destination: 'SC',
      creditKinds: ['CQCER', 'FORESTRY_SINK'],
      vintages: { from: 2021, to: 2026 },
      excludedProjectTypes: [],
      conversion: { num: 1, den: 1 },
      annualQuota: 500_000,
      uses: ['compliance-offset', 'voluntary-retirement'],
    },
  ],
};

/**
 * Chongqing: offsets ≤ 8 % of verified emissions (its pilot rule); Sichuan: the national 5 % of units due.
 * Both: at least half of the offsets local and recognised credits ≤ 2.5 % of allocation (Beijing's
 * local-share and out-of-region rules, MARKET-RULES.md), as the default knob for cross-province credits.
 */
export const OFFSET_LIMITS: Readonly<Record<'CQ' | 'SC', ProvinceOffsetLimits>> = {
  CQ: {
    province: 'CQ',
    offsetLimitBp: 800,
    basis: 'verified-emissions',
    localShareMinBp: 5_000,
    recognisedMaxOfAllocationBp: 250,
  },
  SC: {
    province: 'SC',
    offsetLimitBp: 500,
    basis: 'units-due',
    localShareMinBp: 5_000,
    recognisedMaxOfAllocationBp: 250,
  },
};
