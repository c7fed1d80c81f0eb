import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { drawNewEntrantReserve } from '@app/allocation';
import { commandResult } from '../../shared/command-result';
import type { PlannedWork } from '../../shared/decide-registry';
import { movedRanges, type MoveView } from '../../shared/move.view';
import { REGISTRY_ERRORS, RegistryError } from '../../shared/registry-errors';
import type { NewEntrantReserveDrawn } from '../../shared/registry-records';
import type { LoadedRegistry } from '../../shared/registry-state';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { systemAccountId } from '../../shared/system-accounts';
import { DrawNewEntrantReserve } from './draw-new-entrant-reserve.command';

/**
 * A new entrant receives at most what is left of the new-entrant reserve its year's allocation
 * set aside (held in the government account); the draw is recorded with what was asked and granted.
 */
export function planDrawNewEntrantReserve(
  { jurisdiction, body }: DrawNewEntrantReserve,
  registry: LoadedRegistry,
): PlannedWork {
  const earlier = registry.records.byCommand[body.commandId];
  const allocation = registry.records.allocations[body.allocationCommandId];
  if (!allocation)
    throw new RegistryError(REGISTRY_ERRORS.UNKNOWN_ALLOCATION, `no allocation ${body.allocationCommandId}`, {
      field: 'allocationCommandId',
    });
  let drawn: NewEntrantReserveDrawn;
  if (earlier?.type === 'NewEntrantReserveDrawn') drawn = earlier;
  else {
    const remaining =
      allocation.newEntrantReserve - (registry.records.newEntrantDrawn[body.allocationCommandId] ?? 0);
    const { granted } = drawNewEntrantReserve(remaining, body.quantity);
    if (granted === 0)
      throw new RegistryError(
        REGISTRY_ERRORS.RESERVE_EXHAUSTED,
        `the new-entrant reserve of ${body.allocationCommandId} is used up`,
        {
          field: 'quantity',
        },
      );
    drawn = {
      type: 'NewEntrantReserveDrawn',
      commandId: body.commandId,
      allocationCommandId: body.allocationCommandId,
      firmId: body.firmId,
      accountId: body.accountId ?? body.firmId,
      requested: body.quantity,
      granted,
    };
  }
  return {
    records: [drawn],
    commands: [
      {
        type: 'TransferUnits',
        commandId: `${body.commandId}:grant`,
        from: systemAccountId(jurisdiction, 'GOVERNMENT'),
        to: drawn.accountId,
        selection: {
          by: 'quantity',
          quantity: drawn.granted,
          jurisdiction,
          kind: allocation.kind,
          vintage: allocation.vintage,
        },
      },
    ],
  };
}

@CommandHandler(DrawNewEntrantReserve)
export class DrawNewEntrantReserveHandler implements ICommandHandler<DrawNewEntrantReserve> {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  async execute(command: DrawNewEntrantReserve): Promise<MoveView> {
    const { jurisdiction, body } = command;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      (r) => planDrawNewEntrantReserve(command, r),
    );
    return {
      ...commandResult(body.commandId, jurisdiction, outcome),
      ...movedRanges(outcome.registry.ledger, outcome.events),
    };
  }
}
