import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { PlannedWork } from '../../shared/decide-registry';
import { recordResult, type RecordResultView } from '../../shared/record-result';
import { REGISTRY_ERRORS, RegistryError } from '../../shared/registry-errors';
import { reportKey, type EmissionsReported } from '../../shared/registry-records';
import type { LoadedRegistry } from '../../shared/registry-state';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { ReportEmissions } from './report-emissions.command';

/**
 * A compliance year is known once allowances of that vintage were issued in this registry or a
 * carbon rule version is in force during it; reports for other years are refused.
 */
function isKnownYear(registry: LoadedRegistry, year: number): boolean {
  const issued = Object.values(registry.ledger.blocks).some(
    (b) => b.kind === 'CARBON_ALLOWANCE' && b.vintage === year,
  );
  return (
    issued ||
    Object.values(registry.records.ruleVersions).some(
      (v) =>
        v.kind === 'CARBON_ALLOWANCE' &&
        Number(v.validFrom.slice(0, 4)) <= year &&
        year <= Number(v.validTo.slice(0, 4)),
    )
  );
}

/** A firm (an enterprise holding account here) may correct its report until a verifier has signed it off. */
export function planReportEmissions({ body }: ReportEmissions, registry: LoadedRegistry): PlannedWork {
  // A retry skips the checks (the state moved on); decideRegistry compares it with the first record.
  if (registry.records.byCommand[body.commandId]) return { records: [reported(body)] };
  const accountId = body.accountId ?? body.firmId;
  if (registry.ledger.accounts[accountId]?.accountType !== 'ENTERPRISE_HOLDING')
    throw new RegistryError(
      REGISTRY_ERRORS.UNKNOWN_FIRM,
      `${accountId} is not an enterprise holding account`,
      {
        field: body.accountId !== undefined ? 'accountId' : 'firmId',
      },
    );
  if (!isKnownYear(registry, body.complianceYear))
    throw new RegistryError(
      REGISTRY_ERRORS.UNKNOWN_COMPLIANCE_YEAR,
      `no allowances or rules for ${body.complianceYear} in this registry`,
      { field: 'complianceYear' },
    );
  const verified = registry.records.verifications[reportKey(body.firmId, body.complianceYear)];
  if (verified && registry.records.byCommand[body.commandId] === undefined)
    throw new RegistryError(
      REGISTRY_ERRORS.REPORT_CONFLICT,
      `${body.firmId} ${body.complianceYear} is already verified`,
      {
        field: 'firmId',
      },
    );
  return { records: [reported(body)] };
}

const reported = (body: ReportEmissions['body']): EmissionsReported => ({
  type: 'EmissionsReported',
  commandId: body.commandId,
  firmId: body.firmId,
  accountId: body.accountId ?? body.firmId,
  complianceYear: body.complianceYear,
  emissions: body.emissions,
});

@CommandHandler(ReportEmissions)
export class ReportEmissionsHandler implements ICommandHandler<ReportEmissions> {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  async execute(command: ReportEmissions): Promise<RecordResultView> {
    const { jurisdiction, body } = command;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      (r) => planReportEmissions(command, r),
    );
    return recordResult(body.commandId, jurisdiction, outcome);
  }
}
