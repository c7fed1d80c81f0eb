import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { LedgerCommand } from '@app/ledger';
import { commandResult } from '../../shared/command-result';
import { movedRanges, type MoveView } from '../../shared/move.view';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { RecognisedUnitsRoutes } from '../../recognition/uses/recognised-units-routes';
import { systemAccountId } from '../../shared/system-accounts';
import { selectionOf } from '../../shared/unit-selection.dto';
import { RetireUnits } from './retire-units.command';

export function planRetireUnits({ jurisdiction, body }: RetireUnits): LedgerCommand[] {
  return [
    {
      type: 'RetireUnits',
      commandId: body.commandId,
      from: body.from,
      to: body.to ?? systemAccountId(jurisdiction, 'RETIREMENT'),
      selection: selectionOf(jurisdiction, body),
      beneficiary: body.beneficiary,
      ...(body.reason !== undefined ? { reason: body.reason } : {}),
    },
  ];
}

@CommandHandler(RetireUnits)
export class RetireUnitsHandler implements ICommandHandler<RetireUnits> {
  constructor(
    @Inject(REGISTRY_PORT) private readonly registry: RegistryPort,
    @Optional() private readonly recognised?: RecognisedUnitsRoutes,
  ) {}

  async execute(command: RetireUnits): Promise<MoveView> {
    const { jurisdiction, body } = command;
    const outcome = await this.registry.execute(
      {
        jurisdiction,
        commandId: body.commandId,
        actor: body.actor,
        ...(this.recognised ? { inTransaction: this.recognised.refuseIn(jurisdiction) } : {}),
      },
      () => planRetireUnits(command),
    );
    return {
      ...commandResult(body.commandId, jurisdiction, outcome),
      ...movedRanges(outcome.registry.ledger, outcome.events),
    };
  }
}
