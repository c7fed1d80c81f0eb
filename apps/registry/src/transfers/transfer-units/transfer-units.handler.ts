import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { LedgerCommand } from '@app/ledger';
import { commandResult } from '../../shared/command-result';
import { movedRanges, type MoveView } from '../../shared/move.view';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { selectionOf } from '../../shared/unit-selection.dto';
import { TransferUnits } from './transfer-units.command';

export function planTransferUnits({ jurisdiction, body }: TransferUnits): LedgerCommand[] {
  return [
    {
      type: 'TransferUnits',
      commandId: body.commandId,
      from: body.from,
      to: body.to,
      selection: selectionOf(jurisdiction, body),
    },
  ];
}

@CommandHandler(TransferUnits)
export class TransferUnitsHandler implements ICommandHandler<TransferUnits> {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  async execute(command: TransferUnits): Promise<MoveView> {
    const { jurisdiction, body } = command;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      () => planTransferUnits(command),
    );
    return {
      ...commandResult(body.commandId, jurisdiction, outcome),
      ...movedRanges(outcome.registry.ledger, outcome.events),
    };
  }
}
