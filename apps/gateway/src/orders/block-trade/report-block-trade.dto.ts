import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsPositive, IsString, Matches, Max, MaxLength } from 'class-validator';
import { MEMBER_ID_PATTERN } from '../../members/member-id';

export class ReportBlockTradeDto {
  @ApiProperty({ example: 'CQEA-2025' })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, {
    message: 'instrument must be an instrument symbol such as CQEA-2025',
  })
  instrument!: string;

  @ApiProperty({ example: 'cq-power-002', description: 'Buying member' })
  @IsString()
  @Matches(MEMBER_ID_PATTERN, { message: 'buyer must be a member id' })
  buyer!: string;

  @ApiProperty({ example: 'cq-steel-001', description: 'Selling member' })
  @IsString()
  @Matches(MEMBER_ID_PATTERN, { message: 'seller must be a member id' })
  seller!: string;

  @ApiProperty({
    example: 3500,
    description: 'Agreed price in fen, within ±30 % of the reference (block band)',
  })
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  price!: number;

  @ApiProperty({ example: 100_000, description: 'Quantity, at least the instrument’s block minimum' })
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  qty!: number;

  @ApiPropertyOptional({ example: 'blk-20261124-01', description: 'Idempotency key of the report' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'clientTradeId must use letters, digits and . _ : -' })
  clientTradeId?: string;
}
