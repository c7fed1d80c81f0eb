import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { LedgerCommand } from '@app/ledger';
import { commandResult } from '../../shared/command-result';
import { movedRanges, type MoveView } from '../../shared/move.view';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { systemAccountId } from '../../shared/system-accounts';
import { selectionOf } from '../../shared/unit-selection.dto';
import { LinkedSurrender } from './linked-surrender';
import { SurrenderUnits } from './surrender-units.command';

export function planSurrenderUnits({ jurisdiction, body }: SurrenderUnits): LedgerCommand[] {
  return [
    {
      type: 'SurrenderUnits',
      commandId: body.commandId,
      from: body.from,
      to: body.to ?? systemAccountId(jurisdiction, 'SURRENDER'),
      selection: selectionOf(jurisdiction, body),
      complianceYear: body.complianceYear,
    },
  ];
}

@CommandHandler(SurrenderUnits)
export class SurrenderUnitsHandler implements ICommandHandler<SurrenderUnits> {
  constructor(
    @Inject(REGISTRY_PORT) private readonly registry: RegistryPort,
    @Optional() private readonly linked?: LinkedSurrender,
  ) {}

  async execute(command: SurrenderUnits): Promise<MoveView> {
    const { jurisdiction, body } = command;
    if (body.issuedBy !== undefined && body.issuedBy !== jurisdiction) {
      if (!this.linked) throw new Error('linked surrenders need the LinkedSurrender provider');
      return this.linked.execute(command);
    }
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      () => planSurrenderUnits(command),
    );
    return {
      ...commandResult(body.commandId, jurisdiction, outcome),
      ...movedRanges(outcome.registry.ledger, outcome.events),
    };
  }
}
