import { ApiProperty } from '@nestjs/swagger';
import type { AuctionResult } from '@app/allocation';
import { CommandResultView } from '../../shared/command-result';
import type { SerialRangeView } from '../../shared/serial-text';

export interface AwardView {
  readonly bidderId: string;
  readonly quantity: number;
  readonly ranges: readonly SerialRangeView[];
}

export class AuctionClearingView extends CommandResultView {
  @ApiProperty() auctionId!: string;
  @ApiProperty({ description: 'clearAuction result: status, clearing price, per-bid awards, statistics' })
  result!: AuctionResult;
  @ApiProperty({ description: 'Units delivered from the auction account to each winner' })
  awards!: readonly AwardView[];
}
