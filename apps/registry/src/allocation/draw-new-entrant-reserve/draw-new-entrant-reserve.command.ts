import { Command } from '@nestjs/cqrs';
import type { MoveView } from '../../shared/move.view';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { DrawNewEntrantReserveDto } from './draw-new-entrant-reserve.dto';

export class DrawNewEntrantReserve extends Command<MoveView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly body: DrawNewEntrantReserveDto,
  ) {
    super();
  }
}
