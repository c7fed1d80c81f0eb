import { CHONGQING_OFFSET_RULES, NATIONAL_OFFSET_RULES } from './offsets';
import type { ComplianceRules } from './status';

/** National ETS under the 2024 regulations: 5 % CCER, banking on, no borrowing, 5–10× penalty. */
export const NATIONAL_2024_COMPLIANCE: ComplianceRules = {
  jurisdiction: 'NATIONAL',
  offsets: NATIONAL_OFFSET_RULES,
  banking: true,
  borrowing: false,
  penalty: { kind: 'national-2024', multiplier: 5 },
};

/**
 * Chongqing pilot: offsets up to 8 % of verified emissions (hydro excluded, projects after 2010).
 * The penalty follows the national 2024 rule by default; switch per scenario.
 */
export const CHONGQING_COMPLIANCE: ComplianceRules = {
  jurisdiction: 'CQ',
  offsets: CHONGQING_OFFSET_RULES,
  banking: true,
  borrowing: false,
  penalty: { kind: 'national-2024', multiplier: 5 },
};

/** Deadlines (MM-DD) for scenario calendars; no Date inside the core. */
export const DEADLINES = {
  china: { report: '03-31', surrender: '12-31', stagedShareBp: 9_500, stagedBy: '11-15' },
  eu: { surrender: '09-30' },
  wci: { surrender: '11-01' },
} as const;
