import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { commandResult } from '../../shared/command-result';
import type { MoveView } from '../../shared/move.view';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { heldRanges } from '../lock-units/lock-units.handler';
import { UnlockUnits } from './unlock-units.command';

@CommandHandler(UnlockUnits)
export class UnlockUnitsHandler implements ICommandHandler<UnlockUnits> {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  async execute({ jurisdiction, lockId, body }: UnlockUnits): Promise<MoveView> {
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      () => [{ type: 'UnlockUnits', commandId: body.commandId, lockId }],
    );
    return {
      ...commandResult(body.commandId, jurisdiction, outcome),
      ...heldRanges(outcome.registry.ledger, outcome.events),
    };
  }
}
