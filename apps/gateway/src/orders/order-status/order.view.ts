import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class OrderView {
  @ApiProperty() orderId!: string;
  @ApiProperty() instrument!: string;
  @ApiPropertyOptional() account?: string;
  @ApiPropertyOptional({ enum: ['buy', 'sell'] }) side?: string;
  @ApiPropertyOptional({ description: 'Fen per unit; absent for market orders' }) price?: number;
  @ApiProperty() qty!: number;
  @ApiProperty() filled!: number;
  @ApiProperty({ description: 'Quantity still resting in the book' }) remaining!: number;
  @ApiProperty({ enum: ['received', 'open', 'partially-filled', 'filled', 'cancelled', 'rejected'] })
  status!: string;
  @ApiPropertyOptional({
    description:
      'Why it was rejected or cancelled (engine reason code); on an open order, why its last ' +
      'amendment was refused (amend-rejected:<code>, e.g. amend-not-covered)',
  })
  reason?: string;
}
