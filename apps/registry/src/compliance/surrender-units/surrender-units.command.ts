import { Command } from '@nestjs/cqrs';
import type { MoveView } from '../../shared/move.view';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { SurrenderUnitsDto } from './surrender-units.dto';

export class SurrenderUnits extends Command<MoveView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: SurrenderUnitsDto,
  ) {
    super();
  }
}
