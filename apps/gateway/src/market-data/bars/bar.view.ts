import { ApiProperty } from '@nestjs/swagger';

export class BarView {
  @ApiProperty({ description: 'Bar start, ms since the epoch (daily bars: 00:00 Beijing time)' })
  start!: number;
  @ApiProperty({ description: 'Fen per unit' }) open!: number;
  @ApiProperty() high!: number;
  @ApiProperty() low!: number;
  @ApiProperty() close!: number;
  @ApiProperty({ description: 'Units traded' }) volume!: number;
  @ApiProperty({ description: 'Σ price × qty, in fen' }) turnover!: number;
  @ApiProperty({ description: 'Number of trades' }) trades!: number;
}
