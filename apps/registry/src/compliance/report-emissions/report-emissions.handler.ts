import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { PlannedWork } from '../../shared/decide-registry';
import { recordResult, type RecordResultView } from '../../shared/record-result';
import { REGISTRY_ERRORS, RegistryError } from '../../shared/registry-errors';
import { reportKey } from '../../shared/registry-records';
import type { LoadedRegistry } from '../../shared/registry-state';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { ReportEmissions } from './report-emissions.command';

/** A firm may correct its report until a verifier has signed it off. */
export function planReportEmissions({ body }: ReportEmissions, registry: LoadedRegistry): PlannedWork {
  const verified = registry.records.verifications[reportKey(body.firmId, body.complianceYear)];
  if (verified && registry.records.byCommand[body.commandId] === undefined)
    throw new RegistryError(
      REGISTRY_ERRORS.REPORT_CONFLICT,
      `${body.firmId} ${body.complianceYear} is already verified`,
      {
        field: 'firmId',
      },
    );
  return {
    records: [
      {
        type: 'EmissionsReported',
        commandId: body.commandId,
        firmId: body.firmId,
        accountId: body.accountId ?? body.firmId,
        complianceYear: body.complianceYear,
        emissions: body.emissions,
      },
    ],
  };
}

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
