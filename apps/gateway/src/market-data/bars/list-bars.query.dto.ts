import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { BAR_INTERVALS, type BarInterval } from './bar-intervals';

export class ListBarsQueryDto {
  @ApiPropertyOptional({ enum: BAR_INTERVALS, default: '1m' })
  @IsOptional()
  @IsIn(BAR_INTERVALS)
  interval: BarInterval = '1m';

  @ApiPropertyOptional({ description: 'Earliest bar start, ms since the epoch (inclusive)', example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  from?: number;

  @ApiPropertyOptional({ description: 'Latest bar start, ms since the epoch (exclusive)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  to?: number;

  @ApiPropertyOptional({ default: 500, minimum: 1, maximum: 5000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  limit = 500;
}
