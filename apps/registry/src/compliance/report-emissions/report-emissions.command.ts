import { Command } from '@nestjs/cqrs';
import type { RecordResultView } from '../../shared/record-result';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { ReportEmissionsDto } from './report-emissions.dto';

export class ReportEmissions extends Command<RecordResultView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: ReportEmissionsDto,
  ) {
    super();
  }
}
