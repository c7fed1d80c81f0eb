import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { INSTRUMENTS, INSTRUMENT_KINDS, type InstrumentKind } from '@app/domain';
import { CommandEnvelopeDto } from '../../shared/command-envelope.dto';
import { TieBreakDto } from '../clear-auction/clear-auction.dto';

const AUCTIONABLE = INSTRUMENT_KINDS.filter((k) => !INSTRUMENTS[k].isCredit);
const ROUNDINGS = ['half-up', 'half-even', 'floor', 'ceil', 'trunc'] as const;

/** Reserve price escalated yearly from a base year (RGGI +2.5 %/yr = 250 bp; WCI 5 % + CPI). */
export class ReservePriceRuleDto {
  @ApiProperty({ example: 2024 }) @IsInt() @Min(1900) @Max(9999) baseYear!: number;
  @ApiProperty({ example: 3000, description: 'Reserve price in the base year, fen' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  basePriceFen!: number;

  @ApiProperty({ example: 250, description: 'Yearly escalation in bp, compounded and rounded each year' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  escalationBp!: number;

  @ApiPropertyOptional({ enum: ROUNDINGS, default: 'half-up' })
  @IsOptional()
  @IsIn(ROUNDINGS)
  rounding?: (typeof ROUNDINGS)[number];
}

export class CostContainmentDto {
  @ApiProperty({ example: 6000, description: 'Trigger price (fen): demand at or above it draws the reserve' })
  @IsInt()
  @Min(0)
  triggerFen!: number;

  @ApiProperty({ example: 1000, description: 'Units of the reserve account set aside for this auction' })
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  quantity!: number;
}

export class ScheduleAuctionDto extends CommandEnvelopeDto {
  @ApiProperty({ example: 'CQ-2025-A1' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'auctionId must be 1-64 letters, digits, . _ -' })
  auctionId!: string;

  @ApiPropertyOptional({ enum: AUCTIONABLE, default: 'CARBON_ALLOWANCE' })
  @IsOptional()
  @IsIn(AUCTIONABLE)
  kind?: InstrumentKind;

  @ApiProperty({ example: 2025 }) @IsInt() @Min(1900) @Max(9999) vintage!: number;

  @ApiProperty({ example: '2025-06-15', description: 'Auction date; its year picks the escalated reserve' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'auctionDate must be YYYY-MM-DD' })
  auctionDate!: string;

  @ApiProperty({
    example: 2000,
    description: 'Units offered from the auction account (before carry-forward)',
  })
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  supply!: number;

  @ApiPropertyOptional({ example: 1000, default: 1000 })
  @IsOptional()
  @IsInt()
  @IsPositive()
  lotSize?: number;

  @ApiPropertyOptional({ example: 3000, description: 'Fixed reserve price (fen); or give reservePriceRule' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  reservePriceFen?: number;

  @ApiPropertyOptional({ type: ReservePriceRuleDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReservePriceRuleDto)
  reservePriceRule?: ReservePriceRuleDto;

  @ApiPropertyOptional({ example: 2500, description: 'Max share of the supply one bidder may bid for (bp)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  maxBidderShareBp?: number;

  @ApiProperty({ type: TieBreakDto }) @ValidateNested() @Type(() => TieBreakDto) tieBreak!: TieBreakDto;

  @ApiPropertyOptional({ enum: ['cancel', 'clear-at-reserve'], default: 'cancel' })
  @IsOptional()
  @IsIn(['cancel', 'clear-at-reserve'])
  undersubscribed?: 'cancel' | 'clear-at-reserve';

  @ApiPropertyOptional({
    description: 'Cancel when the clearing price would be below this (fen), EU Art. 7(6)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  cancelBelowPriceFen?: number;

  @ApiPropertyOptional({
    example: 8000,
    description: 'Cancel when clearing below this share (bp) of the secondary price given at clearing',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  cancelBelowSecondaryBp?: number;

  @ApiPropertyOptional({
    default: true,
    description: 'Add the volume carried forward from cancelled auctions',
  })
  @IsOptional()
  @IsBoolean()
  includeCarriedForward?: boolean;

  @ApiPropertyOptional({ type: CostContainmentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CostContainmentDto)
  costContainment?: CostContainmentDto;
}
