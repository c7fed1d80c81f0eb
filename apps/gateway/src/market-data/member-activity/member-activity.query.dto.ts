import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class MemberTradesQueryDto {
  @ApiPropertyOptional({ example: 'CQEA-2025' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, {
    message: 'instrument must be an instrument symbol such as CQEA-2025',
  })
  instrument?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit = 100;
}

export class MemberOrdersQueryDto extends MemberTradesQueryDto {
  @ApiPropertyOptional({
    enum: ['open', 'all'],
    default: 'all',
    description: '`open`: only orders with quantity still resting in the book',
  })
  @IsOptional()
  @IsIn(['open', 'all'])
  status: 'open' | 'all' = 'all';
}
