import { Command } from '@nestjs/cqrs';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { AllocationView } from './allocation.view';
import type { AllocateUnitsDto } from './allocate-units.dto';

export class AllocateUnits extends Command<AllocationView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: AllocateUnitsDto,
  ) {
    super();
  }
}
