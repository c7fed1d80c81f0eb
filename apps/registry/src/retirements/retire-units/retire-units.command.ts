import { Command } from '@nestjs/cqrs';
import type { MoveView } from '../../shared/move.view';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { RetireUnitsDto } from './retire-units.dto';

export class RetireUnits extends Command<MoveView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: RetireUnitsDto,
  ) {
    super();
  }
}
