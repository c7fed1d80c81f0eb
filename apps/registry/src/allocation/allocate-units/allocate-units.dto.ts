import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { INSTRUMENTS, INSTRUMENT_KINDS, type InstrumentKind } from '@app/domain';
import { CommandEnvelopeDto } from '../../shared/command-envelope.dto';
import { AllocationTableDto } from '../shared/allocation-rules.dto';

const ALLOCATABLE = INSTRUMENT_KINDS.filter((k) => !INSTRUMENTS[k].isCredit);

/**
 * Initial allocation of a right: free, or paid use at a benchmark price per unit. The price is an
 * input of the rule for now; the unified pricing standard (`libs/pricing`) will be its source.
 */
export class AllocationPricingDto {
  @ApiProperty({ enum: ['free', 'paid'], example: 'paid' })
  @IsIn(['free', 'paid'])
  mode!: 'free' | 'paid';

  @ApiPropertyOptional({
    example: 20_000,
    description: 'paid: benchmark price per unit (fen), e.g. SO2 200 CNY/t·yr',
  })
  @ValidateIf((p: AllocationPricingDto) => p.mode === 'paid')
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  benchmarkPriceFen?: number;

  @ApiPropertyOptional({ example: 'regulator notice 2025-3', description: 'Where the price comes from' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  priceSource?: string;
}

export class AllocateUnitsDto extends IntersectionType(CommandEnvelopeDto, AllocationTableDto) {
  @ApiProperty({ example: 2025, description: 'Vintage of the units issued for this allocation' })
  @IsInt()
  @Min(1900)
  @Max(9999)
  vintage!: number;

  @ApiPropertyOptional({ enum: ALLOCATABLE, default: 'CARBON_ALLOWANCE' })
  @IsOptional()
  @IsIn(ALLOCATABLE)
  kind?: InstrumentKind;

  @ApiPropertyOptional({
    example: 2029,
    description:
      'Last valid year of the units (validity period); default: the instrument rule (pollutants 5 years)',
  })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(9999)
  validThrough?: number;

  @ApiPropertyOptional({
    default: true,
    description: "Withhold last year's penalty deductions (nextYearDeduction of the latest compliance run)",
  })
  @IsOptional()
  @IsBoolean()
  applyPenaltyDeductions?: boolean;

  @ApiPropertyOptional({ type: AllocationPricingDto, description: 'Default free' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AllocationPricingDto)
  pricing?: AllocationPricingDto;
}
