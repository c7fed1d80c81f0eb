import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { PlannedWork } from '../../shared/decide-registry';
import { recordResult, type RecordResultView } from '../../shared/record-result';
import { REGISTRY_ERRORS, RegistryError } from '../../shared/registry-errors';
import { reportKey } from '../../shared/registry-records';
import type { LoadedRegistry } from '../../shared/registry-state';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { VerifyEmissions } from './verify-emissions.command';

/** Verification needs a report to verify; the verifier (actor) is recorded with the figure. */
export function planVerifyEmissions({ body }: VerifyEmissions, registry: LoadedRegistry): PlannedWork {
  if (!registry.records.reports[reportKey(body.firmId, body.complianceYear)])
    throw new RegistryError(
      REGISTRY_ERRORS.UNKNOWN_REPORT,
      `${body.firmId} has not reported ${body.complianceYear}`,
      {
        field: 'firmId',
      },
    );
  return {
    records: [
      {
        type: 'EmissionsVerified',
        commandId: body.commandId,
        firmId: body.firmId,
        complianceYear: body.complianceYear,
        verifiedEmissions: body.verifiedEmissions,
        verifier: body.actor,
      },
    ],
  };
}

@CommandHandler(VerifyEmissions)
export class VerifyEmissionsHandler implements ICommandHandler<VerifyEmissions> {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  async execute(command: VerifyEmissions): Promise<RecordResultView> {
    const { jurisdiction, body } = command;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      (r) => planVerifyEmissions(command, r),
    );
    return recordResult(body.commandId, jurisdiction, outcome);
  }
}
