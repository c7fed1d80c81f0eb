import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { LedgerCommand, LedgerEvent, LedgerState } from '@app/ledger';
import { commandResult } from '../../shared/command-result';
import type { MoveView } from '../../shared/move.view';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { rangeView, type SerialRangeView } from '../../shared/serial-text';
import { selectionOf } from '../../shared/unit-selection.dto';
import { LockUnits } from './lock-units.command';

export function planLockUnits({ jurisdiction, body }: LockUnits): LedgerCommand[] {
  return [
    {
      type: 'LockUnits',
      commandId: body.commandId,
      accountId: body.from,
      lockId: body.lockId,
      reason: body.reason,
      selection: selectionOf(jurisdiction, body),
    },
  ];
}

/** The ranges locked or released by a command's events. */
export function heldRanges(
  ledger: LedgerState,
  events: readonly LedgerEvent[],
): { quantity: number; ranges: SerialRangeView[] } {
  const ranges: SerialRangeView[] = [];
  let quantity = 0;
  for (const e of events)
    if (e.type === 'UnitsLocked' || e.type === 'UnitsUnlocked') {
      quantity += e.quantity;
      for (const r of e.ranges) {
        const block = ledger.blocks[r.blockId];
        if (block) ranges.push(rangeView(block, r));
      }
    }
  return { quantity, ranges };
}

@CommandHandler(LockUnits)
export class LockUnitsHandler implements ICommandHandler<LockUnits> {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  async execute(command: LockUnits): Promise<MoveView> {
    const { jurisdiction, body } = command;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      () => planLockUnits(command),
    );
    return {
      ...commandResult(body.commandId, jurisdiction, outcome),
      ...heldRanges(outcome.registry.ledger, outcome.events),
    };
  }
}
