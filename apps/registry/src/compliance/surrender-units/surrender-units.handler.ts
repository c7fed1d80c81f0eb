import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { commandResult } from '../../shared/command-result';
import { movedRanges, type MoveView } from '../../shared/move.view';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { RecognisedUnitsRoutes } from '../../recognition/uses/recognised-units-routes';
import { LinkedSurrender } from './linked-surrender';
import { planSurrenderUnits } from './plan-surrender-units';
import { SurrenderUnits } from './surrender-units.command';

@CommandHandler(SurrenderUnits)
export class SurrenderUnitsHandler implements ICommandHandler<SurrenderUnits> {
  constructor(
    @Inject(REGISTRY_PORT) private readonly registry: RegistryPort,
    @Optional() private readonly linked?: LinkedSurrender,
    @Optional() private readonly recognised?: RecognisedUnitsRoutes,
  ) {}

  async execute(command: SurrenderUnits): Promise<MoveView> {
    const { jurisdiction, body } = command;
    if (body.issuedBy !== undefined && body.issuedBy !== jurisdiction) {
      if (!this.linked) throw new Error('linked surrenders need the LinkedSurrender provider');
      return this.linked.execute(command);
    }
    const outcome = await this.registry.execute(
      {
        jurisdiction,
        commandId: body.commandId,
        actor: body.actor,
        ...(this.recognised ? { inTransaction: this.recognised.refuseIn(jurisdiction) } : {}),
      },
      () => planSurrenderUnits(command),
    );
    return {
      ...commandResult(body.commandId, jurisdiction, outcome),
      ...movedRanges(outcome.registry.ledger, outcome.events),
    };
  }
}
