import { ApiProperty } from '@nestjs/swagger';
import type { UnitsIssued } from '@app/ledger';
import { CommandResultView } from '../../shared/command-result';
import { rangeView, type SerialRangeView } from '../../shared/serial-text';

export class IssuanceView extends CommandResultView {
  @ApiProperty({ description: 'The issued serial blocks with the text of their first and last serial' })
  blocks!: readonly SerialRangeView[];
}

export const issuedBlocks = (events: readonly { type: string }[]): SerialRangeView[] =>
  events.filter((e): e is UnitsIssued => e.type === 'UnitsIssued').map((e) => rangeView(e.block, e.block));
