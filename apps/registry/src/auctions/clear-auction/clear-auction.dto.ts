import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { INSTRUMENTS, INSTRUMENT_KINDS, type InstrumentKind } from '@app/domain';
import {
  ACCOUNT_ID_MESSAGE,
  ACCOUNT_ID_PATTERN,
  CommandEnvelopeDto,
} from '../../shared/command-envelope.dto';

const AUCTIONABLE = INSTRUMENT_KINDS.filter((k) => !INSTRUMENTS[k].isCredit);

export class TieBreakDto {
  @ApiProperty({ enum: ['seeded-random', 'pro-rata'] })
  @IsIn(['seeded-random', 'pro-rata'])
  kind!: 'seeded-random' | 'pro-rata';

  @ApiProperty({ example: 20250601, description: 'Seed fixed before the auction, for replay' })
  @IsInt()
  seed!: number;
}

export class AuctionRulesDto {
  @ApiProperty({ example: 10000, description: 'Units offered; a multiple of the lot' })
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  supply!: number;

  @ApiProperty({ example: 1000 }) @IsInt() @IsPositive() lotSize!: number;

  @ApiProperty({ example: 3000, description: 'Reserve price in fen per unit' })
  @IsInt()
  @Min(0)
  reservePriceFen!: number;

  @ApiPropertyOptional({ example: 2500, description: 'Max share of the supply one bidder may win (bp)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  maxBidderShareBp?: number;

  @ApiProperty({ type: TieBreakDto }) @ValidateNested() @Type(() => TieBreakDto) tieBreak!: TieBreakDto;

  @ApiProperty({ enum: ['cancel', 'clear-at-reserve'] })
  @IsIn(['cancel', 'clear-at-reserve'])
  undersubscribed!: 'cancel' | 'clear-at-reserve';

  @ApiPropertyOptional({ description: 'EU Art. 7(6): cancel when clearing below this price (fen)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  cancelBelowPriceFen?: number;

  @ApiPropertyOptional({ type: [String], description: 'Admitted bidders (holding account ids)' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  registeredBidders?: string[];
}

export class BidDto {
  @ApiProperty({ example: 'bid-1' })
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'bidId must be 1-64 letters, digits, . _ : -' })
  bidId!: string;

  @ApiProperty({
    example: 'cq-steel-001',
    description: 'Bidder = the holding account credited with its award',
  })
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `bidderId ${ACCOUNT_ID_MESSAGE}` })
  bidderId!: string;

  @ApiProperty({ example: 3650 }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) priceFen!: number;
  @ApiProperty({ example: 2000 }) @IsInt() @IsPositive() @Max(Number.MAX_SAFE_INTEGER) quantity!: number;
}

/**
 * A scheduled auction (`POST /auctions`) is cleared with the envelope alone: its rules and bids are
 * on record. An unscheduled one is cleared in one shot from the rules and sealed bids given here.
 */
export class ClearAuctionDto extends CommandEnvelopeDto {
  @ApiPropertyOptional({
    example: 2025,
    description: 'Unscheduled only: vintage of the units sold from the auction account',
  })
  @ValidateIf((o: ClearAuctionDto) => o.vintage !== undefined)
  @IsInt()
  @Min(1900)
  @Max(9999)
  vintage?: number;

  @ApiPropertyOptional({ enum: AUCTIONABLE, default: 'CARBON_ALLOWANCE' })
  @IsOptional()
  @IsIn(AUCTIONABLE)
  kind?: InstrumentKind;

  @ApiPropertyOptional({ type: AuctionRulesDto, description: 'Unscheduled only' })
  @ValidateIf((o: ClearAuctionDto) => o.rules !== undefined)
  @ValidateNested()
  @Type(() => AuctionRulesDto)
  rules?: AuctionRulesDto;

  @ApiPropertyOptional({
    example: 9749,
    description: 'Scheduled with cancelBelowSecondaryBp: the secondary-market reference price (fen)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  secondaryPriceFen?: number;

  @ApiPropertyOptional({ type: [BidDto], description: 'Unscheduled only' })
  @ValidateIf((o: ClearAuctionDto) => o.bids !== undefined)
  @IsArray()
  @ArrayMaxSize(100_000)
  @ValidateNested({ each: true })
  @Type(() => BidDto)
  bids?: BidDto[];
}
