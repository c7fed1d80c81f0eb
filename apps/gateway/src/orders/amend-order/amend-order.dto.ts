import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsPositive, Max } from 'class-validator';

export class AmendOrderDto {
  @ApiPropertyOptional({
    example: 3660,
    description: 'New limit price in fen (a change loses time priority)',
  })
  @IsOptional()
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  price?: number;

  @ApiPropertyOptional({
    example: 800,
    description:
      'New total quantity of the order, what is already filled included (FIX cancel/replace). ' +
      'Down keeps time priority, up loses it; it must exceed what is filled.',
  })
  @IsOptional()
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  qty?: number;
}
