import { Command } from '@nestjs/cqrs';
import type { RecordResultView } from '../../shared/record-result';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { AdjustMsrDto } from './adjust-msr.dto';

export class AdjustMsr extends Command<RecordResultView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: AdjustMsrDto,
  ) {
    super();
  }
}
