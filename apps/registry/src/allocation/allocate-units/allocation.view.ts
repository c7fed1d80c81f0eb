import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AllocationPreview } from '@app/allocation';
import type { LedgerEvent, LedgerState } from '@app/ledger';
import { CommandResultView } from '../../shared/command-result';
import type { AllocationCharged } from '../../shared/registry-records';
import { movedRanges } from '../../shared/move.view';
import type { SerialRangeView } from '../../shared/serial-text';

export interface FirmAllocationView {
  readonly firmId: string;
  readonly accountId: string;
  readonly quantity: number;
  readonly ranges: readonly SerialRangeView[];
}

export class AllocationView extends CommandResultView {
  @ApiProperty({ description: 'The table that was issued (same as the preview for the same body)' })
  preview!: AllocationPreview;

  @ApiProperty({ description: 'Units transferred to each firm with their serial ranges' })
  firms!: readonly FirmAllocationView[];

  @ApiPropertyOptional({ description: 'Paid allocation: amount owed per firm at the benchmark price' })
  charge?: AllocationCharged;
}

export function firmAllocations(
  ledger: LedgerState,
  events: readonly LedgerEvent[],
  firmCommandIds: ReadonlyMap<string, { firmId: string; accountId: string }>,
): FirmAllocationView[] {
  const out: FirmAllocationView[] = [];
  for (const [commandId, firm] of firmCommandIds) {
    const moved = movedRanges(
      ledger,
      events.filter((e) => e.commandId === commandId),
    );
    out.push({ ...firm, ...moved });
  }
  return out;
}
