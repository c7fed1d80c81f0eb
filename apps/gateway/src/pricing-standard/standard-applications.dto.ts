import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { BENCHMARK_KINDS } from '@app/pricing';
import { AtDateDto, ISO_DATE } from './pricing-standard.dto';

export class BenchmarkQueryDto extends AtDateDto {
  @ApiProperty({ enum: BENCHMARK_KINDS })
  @IsIn(BENCHMARK_KINDS)
  kind!: (typeof BENCHMARK_KINDS)[number];

  @ApiProperty({ enum: ['CQ', 'SC'] })
  @IsIn(['CQ', 'SC'])
  jurisdiction!: 'CQ' | 'SC';

  @ApiPropertyOptional({
    description: 'D: units asked for in the allocation round (default = supply: s = 1)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  demand?: number;

  @ApiPropertyOptional({ description: 'S: units offered in the allocation round (default 1)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  supply?: number;

  @ApiPropertyOptional({ description: 'Units allocated: the charge is P × quantity × validity years' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  quantity?: number;
}

export class Co2eQueryDto extends AtDateDto {
  @ApiProperty({ enum: ['ENERGY_USE', 'ELECTRICITY_USE'] })
  @IsIn(['ENERGY_USE', 'ELECTRICITY_USE'])
  kind!: 'ENERGY_USE' | 'ELECTRICITY_USE';

  @ApiProperty({ enum: ['CQ', 'SC'] })
  @IsIn(['CQ', 'SC'])
  jurisdiction!: 'CQ' | 'SC';

  @ApiProperty({ description: 'tce (energy use) or MWh (electricity use), a whole number' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  quantity!: number;
}

export class PriceIndexQueryDto {
  @ApiPropertyOptional({
    description:
      "First trading day (the base, at the standard's base level); default: the standard's base period",
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'from must be YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({
    description: 'Last trading day; default today. The standard in force that day is used.',
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'to must be YYYY-MM-DD' })
  to?: string;
}
