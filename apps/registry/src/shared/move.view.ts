import { ApiProperty } from '@nestjs/swagger';
import { isMoveEvent, type LedgerEvent, type LedgerState } from '@app/ledger';
import { CommandResultView } from './command-result';
import { rangeView, type SerialRangeView } from './serial-text';

export class MoveView extends CommandResultView {
  @ApiProperty({ description: 'Units moved' })
  quantity!: number;

  @ApiProperty({ description: 'The serial ranges moved, with the text of their first and last serial' })
  ranges!: readonly SerialRangeView[];
}

/** The ranges a command's move events carried, formatted against the blocks they belong to. */
export function movedRanges(
  ledger: LedgerState,
  events: readonly LedgerEvent[],
): { quantity: number; ranges: SerialRangeView[] } {
  const ranges: SerialRangeView[] = [];
  let quantity = 0;
  for (const e of events.filter(isMoveEvent)) {
    quantity += e.quantity;
    for (const r of e.ranges) {
      const block = ledger.blocks[r.blockId];
      if (block) ranges.push(rangeView(block, r));
    }
  }
  return { quantity, ranges };
}
