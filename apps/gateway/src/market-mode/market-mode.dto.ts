import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MARKET_MODES, type MarketMode } from '@app/recognition';

const REGULATOR_EXAMPLE = 'regulator-cq';
const SIGNED =
  "Filled in from the sign-in (the signed-in regulator's id is recorded); when sent, it must name the signed-in regulator (its id, or its province's CQ-EEB / SC-DEE), else 403";

export class ExchangeRatioDto {
  @ApiProperty({ example: 1, description: 'Chongqing allowances per linked unit' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  CQ!: number;

  @ApiProperty({ example: 1, description: 'Sichuan allowances per linked unit' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  SC!: number;
}

export class MarketModeDocumentDto {
  @ApiProperty({ example: 'link-2026', description: 'Names the decision (letters, digits, . _ -)' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,40}$/, { message: 'version must be 1 to 40 letters, digits, . _ -' })
  version!: string;

  @ApiProperty({ enum: MARKET_MODES, example: 'linked' })
  @IsIn(MARKET_MODES)
  mode!: MarketMode;

  @ApiPropertyOptional({ type: ExchangeRatioDto, description: 'Linked mode only; one-for-one when absent' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExchangeRatioDto)
  exchangeRatio?: ExchangeRatioDto;

  @ApiPropertyOptional({ example: '川渝碳市场联通 第1号决定' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ProposeMarketModeDto {
  @ApiPropertyOptional({ example: REGULATOR_EXAMPLE, description: SIGNED })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  regulator!: string;

  @ApiProperty({ type: MarketModeDocumentDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => MarketModeDocumentDto)
  document!: MarketModeDocumentDto;
}

export class ApproveMarketModeDto {
  @ApiPropertyOptional({ example: 'regulator-sc', description: SIGNED })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  regulator!: string;

  @ApiProperty({ enum: ['CQ', 'SC'], example: 'SC', description: 'The province whose key this is' })
  @IsIn(['CQ', 'SC'])
  jurisdiction!: 'CQ' | 'SC';

  @ApiProperty({
    example: '2026-12-01',
    description: 'YYYY-MM-DD, 00:00 Beijing time; today or later; both keys must name the same day',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveFrom must be YYYY-MM-DD' })
  effectiveFrom!: string;
}

export class MarketModeAtQueryDto {
  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'YYYY-MM-DD or an ISO date-time; now when absent',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2}))?$/, {
    message: 'at must be YYYY-MM-DD or an ISO date-time with offset',
  })
  at?: string;
}
