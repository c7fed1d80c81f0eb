import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import type { Rounding } from '@app/domain';
import { CommandEnvelopeDto } from '../../shared/command-envelope.dto';

const ROUNDINGS = ['half-up', 'half-even', 'floor', 'ceil', 'trunc'] as const;

/** EU MSR thresholds scaled to the registry's market (MARKET-RULES: 833 M / 1,096 M / 24 % / 400 M / 100 M). */
export class MsrRulesDto {
  @ApiProperty({ example: 8330, description: 'Intake when circulation is above this' })
  @IsInt()
  @Min(0)
  upper!: number;

  @ApiPropertyOptional({
    example: 10960,
    description: 'Since 2024: between upper and this, intake = circulation − upper',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  bufferTop?: number;

  @ApiProperty({ example: 2400 }) @IsInt() @Min(0) @Max(10_000) intakeRateBp!: number;
  @ApiProperty({ example: 4000, description: 'Release when circulation is below this' })
  @IsInt()
  @Min(0)
  lower!: number;
  @ApiProperty({ example: 1000, description: 'Units released' }) @IsInt() @Min(0) release!: number;
  @ApiPropertyOptional({ enum: ROUNDINGS, default: 'half-up' })
  @IsOptional()
  @IsIn(ROUNDINGS)
  rounding?: Rounding;
}

export class AdjustMsrDto extends CommandEnvelopeDto {
  @ApiProperty({ example: 2025, description: 'The MSR year (one adjustment per year, kind and vintage)' })
  @IsInt()
  @Min(1900)
  @Max(9999)
  year!: number;

  @ApiProperty({
    example: 2025,
    description: 'Vintage of the units moved between the auction and reserve accounts',
  })
  @IsInt()
  @Min(1900)
  @Max(9999)
  vintage!: number;

  @ApiProperty({ type: MsrRulesDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => MsrRulesDto)
  rules!: MsrRulesDto;
}
