import { Command } from '@nestjs/cqrs';
import type { MoveView } from '../../shared/move.view';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { LockUnitsDto } from './lock-units.dto';

export class LockUnits extends Command<MoveView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: LockUnitsDto,
  ) {
    super();
  }
}
