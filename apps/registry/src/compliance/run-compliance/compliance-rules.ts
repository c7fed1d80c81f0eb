import {
  CHONGQING_COMPLIANCE,
  NATIONAL_2024_COMPLIANCE,
  type ComplianceRules,
  type PenaltyRule,
} from '@app/compliance';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { CompliancePreset } from './run-compliance.dto';

/**
 * The preset's rules applied to this registry's jurisdiction (statuses and the summary are per
 * jurisdiction); CQ defaults to the Chongqing pilot, SC to the national 2024 rules.
 */
export function complianceRulesFor(
  jurisdiction: RegistryJurisdiction,
  preset: CompliancePreset | undefined,
  penaltyMultiplier: number | undefined,
): ComplianceRules {
  const chosen = preset ?? (jurisdiction === 'CQ' ? 'CHONGQING' : 'NATIONAL_2024');
  const base = chosen === 'CHONGQING' ? CHONGQING_COMPLIANCE : NATIONAL_2024_COMPLIANCE;
  return {
    ...base,
    jurisdiction,
    offsets: { ...base.offsets, jurisdiction },
    penalty: withMultiplier(base.penalty, penaltyMultiplier),
  };
}

function withMultiplier(rule: PenaltyRule, multiplier: number | undefined): PenaltyRule {
  if (multiplier === undefined || rule.kind === 'eu-fixed') return rule;
  return { ...rule, multiplier };
}
