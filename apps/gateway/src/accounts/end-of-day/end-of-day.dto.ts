import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class TradingDayDto {
  @ApiProperty({ example: '2026-11-24', description: 'Trading day (China Standard Time)' })
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'date must be YYYY-MM-DD' })
  date!: string;
}

export class ClosingPriceView {
  @ApiProperty() instrument!: string;
  @ApiProperty() date!: string;
  @ApiProperty({ description: 'Fen per unit' }) price!: number;
  @ApiProperty({
    description:
      'Units whose trades entered the close (national rule: the listing trades; a standard: its venues and window)',
  })
  volume!: number;
  @ApiProperty({
    example: 'pricing-standard 2026.2: vwap',
    description: '`vwap-listing-trades` (no standard in force) or `pricing-standard <version>: <basis>`',
  })
  rule!: string;
}
