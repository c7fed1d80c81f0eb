import { Command } from '@nestjs/cqrs';
import type { RecordResultView } from '../../shared/record-result';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { VerifyEmissionsDto } from './verify-emissions.dto';

export class VerifyEmissions extends Command<RecordResultView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: VerifyEmissionsDto,
  ) {
    super();
  }
}
