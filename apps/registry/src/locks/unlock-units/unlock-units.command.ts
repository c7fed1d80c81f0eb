import { Command } from '@nestjs/cqrs';
import type { CommandEnvelopeDto } from '../../shared/command-envelope.dto';
import type { MoveView } from '../../shared/move.view';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';

export class UnlockUnits extends Command<MoveView> {
  constructor(
    readonly jurisdiction: RegistryJurisdiction,
    readonly lockId: string,
    readonly body: CommandEnvelopeDto,
  ) {
    super();
  }
}
