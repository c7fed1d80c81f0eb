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
  @ApiProperty({ description: 'Units traded on the listing market that day (block trades excluded)' })
  volume!: number;
  @ApiProperty({ example: 'vwap-listing-trades' }) rule!: string;
}
