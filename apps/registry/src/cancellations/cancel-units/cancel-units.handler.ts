import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { LedgerCommand } from '@app/ledger';
import { commandResult } from '../../shared/command-result';
import { movedRanges, type MoveView } from '../../shared/move.view';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { systemAccountId } from '../../shared/system-accounts';
import { selectionOf } from '../../shared/unit-selection.dto';
import { CancelUnits } from './cancel-units.command';

export function planCancelUnits({ jurisdiction, body }: CancelUnits): LedgerCommand[] {
  return [
    {
      type: 'CancelUnits',
      commandId: body.commandId,
      from: body.from,
      to: body.to ?? systemAccountId(jurisdiction, 'CANCELLATION'),
      selection: selectionOf(jurisdiction, body),
      reason: body.reason,
    },
  ];
}

@CommandHandler(CancelUnits)
export class CancelUnitsHandler implements ICommandHandler<CancelUnits> {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  async execute(command: CancelUnits): Promise<MoveView> {
    const { jurisdiction, body } = command;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      () => planCancelUnits(command),
    );
    return {
      ...commandResult(body.commandId, jurisdiction, outcome),
      ...movedRanges(outcome.registry.ledger, outcome.events),
    };
  }
}
