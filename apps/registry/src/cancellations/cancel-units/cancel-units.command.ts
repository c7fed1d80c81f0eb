import { Command } from '@nestjs/cqrs';
import type { MoveView } from '../../shared/move.view';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { CancelUnitsDto } from './cancel-units.dto';

export class CancelUnits extends Command<MoveView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: CancelUnitsDto,
  ) {
    super();
  }
}
