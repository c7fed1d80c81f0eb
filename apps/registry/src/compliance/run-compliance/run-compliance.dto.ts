import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  ValidateIf,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CommandEnvelopeDto } from '../../shared/command-envelope.dto';

export const COMPLIANCE_PRESETS = ['CHONGQING', 'NATIONAL_2024'] as const;
export const PENALTY_RULES = ['national-2024', 'eu-fixed', 'shenzhen'] as const;
export type CompliancePreset = (typeof COMPLIANCE_PRESETS)[number];

export class ProjectFactsDto {
  @ApiProperty({ example: 'CQ-FOR-001' }) @IsString() @MaxLength(64) projectId!: string;
  @ApiProperty({ example: 'forestry', description: 'Methodology family (hydro is excluded in Chongqing)' })
  @IsString()
  @MaxLength(64)
  projectType!: string;

  @ApiPropertyOptional({ example: 2016 })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(9999)
  projectStartYear?: number;
}

export class RunComplianceDto extends CommandEnvelopeDto {
  @ApiProperty({ example: 2025 }) @IsInt() @Min(1900) @Max(9999) complianceYear!: number;

  @ApiPropertyOptional({
    enum: COMPLIANCE_PRESETS,
    description: 'Rule set; default CHONGQING for CQ, NATIONAL_2024 (applied to SC) for SC',
  })
  @IsOptional()
  @IsIn(COMPLIANCE_PRESETS)
  preset?: CompliancePreset;

  @ApiPropertyOptional({ example: 5, description: 'Penalty multiplier (national 2024: 5–10)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  penaltyMultiplier?: number;

  @ApiPropertyOptional({
    enum: PENALTY_RULES,
    description: 'Default: the preset (national 2024: 5–10 × last month average × shortfall + deduction)',
  })
  @IsOptional()
  @IsIn(PENALTY_RULES)
  penaltyRule?: (typeof PENALTY_RULES)[number];

  @ApiPropertyOptional({
    example: 10_000,
    description: 'eu-fixed: fine per tonne short (fen), plus make-good',
  })
  @ValidateIf((o: RunComplianceDto) => o.penaltyRule === 'eu-fixed')
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  finePerTonneFen?: number;

  @ApiPropertyOptional({ default: true, description: 'Earlier vintages count (banking)' })
  @IsOptional()
  @IsBoolean()
  banking?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Later vintages count (borrowing)' })
  @IsOptional()
  @IsBoolean()
  borrowing?: boolean;

  @ApiPropertyOptional({ example: 5000, description: 'Borrowing limit, bp of units due' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  borrowingLimitBp?: number;

  @ApiPropertyOptional({ example: 9749, description: 'Average price of the month before the deadline (fen)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  avgPriceLastMonthFen?: number;

  @ApiPropertyOptional({
    example: 9500,
    description: 'Average price over the six months before the deadline (fen)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  avgPriceSixMonthsFen?: number;

  @ApiPropertyOptional({
    type: [ProjectFactsDto],
    description: 'Facts about credit projects the offset rules need',
  })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ProjectFactsDto)
  projects?: ProjectFactsDto[];
}
