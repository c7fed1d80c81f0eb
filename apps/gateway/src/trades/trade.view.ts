import { ApiProperty } from '@nestjs/swagger';

export class TradeView {
  @ApiProperty() instrument!: string;
  @ApiProperty({ description: 'Per-instrument trade number, from 1' }) tradeNo!: number;
  @ApiProperty({ description: 'Fen per unit' }) price!: number;
  @ApiProperty() qty!: number;
  @ApiProperty() buyer!: string;
  @ApiProperty() seller!: string;
  @ApiProperty() buyOrderId!: string;
  @ApiProperty() sellOrderId!: string;
  @ApiProperty({ enum: ['buy', 'sell'] }) aggressor!: string;
  @ApiProperty({ description: 'Milliseconds since the epoch' }) executedAt!: number;
}
