import { Command } from '@nestjs/cqrs';
import type { RecordResultView } from '../../shared/record-result';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { RunComplianceDto } from './run-compliance.dto';

export class RunCompliance extends Command<RecordResultView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: RunComplianceDto,
  ) {
    super();
  }
}
