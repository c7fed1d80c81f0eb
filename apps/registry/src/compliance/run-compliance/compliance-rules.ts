import {
  CHONGQING_COMPLIANCE,
  NATIONAL_2024_COMPLIANCE,
  type ComplianceRules,
  type PenaltyRule,
} from '@app/compliance';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { CompliancePreset, RunComplianceDto } from './run-compliance.dto';

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

/** The preset with the run's options: penalty rule, banking and borrowing. */
export function complianceRulesOf(
  jurisdiction: RegistryJurisdiction,
  body: RunComplianceDto,
): ComplianceRules {
  const base = complianceRulesFor(jurisdiction, body.preset, body.penaltyMultiplier);
  const penalty: PenaltyRule =
    body.penaltyRule === undefined || body.penaltyRule === base.penalty.kind
      ? base.penalty
      : body.penaltyRule === 'eu-fixed'
        ? { kind: 'eu-fixed', finePerTonneFen: body.finePerTonneFen ?? 0 }
        : {
            kind: body.penaltyRule,
            multiplier: body.penaltyMultiplier ?? (body.penaltyRule === 'shenzhen' ? 3 : 5),
          };
  return {
    ...base,
    penalty,
    ...(body.banking !== undefined ? { banking: body.banking } : {}),
    ...(body.borrowing !== undefined ? { borrowing: body.borrowing } : {}),
    ...(body.borrowingLimitBp !== undefined ? { borrowingLimitBp: body.borrowingLimitBp } : {}),
  };
}

function withMultiplier(rule: PenaltyRule, multiplier: number | undefined): PenaltyRule {
  if (multiplier === undefined || rule.kind === 'eu-fixed') return rule;
  return { ...rule, multiplier };
}
