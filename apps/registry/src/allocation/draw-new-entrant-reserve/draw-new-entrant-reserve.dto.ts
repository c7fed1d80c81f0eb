import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsPositive, IsString, Matches, Max, MaxLength } from 'class-validator';
import {
  ACCOUNT_ID_MESSAGE,
  ACCOUNT_ID_PATTERN,
  CommandEnvelopeDto,
} from '../../shared/command-envelope.dto';

export class DrawNewEntrantReserveDto extends CommandEnvelopeDto {
  @ApiProperty({ example: 'alloc-2025', description: 'The allocation whose new-entrant reserve is drawn' })
  @IsString()
  @MaxLength(100)
  allocationCommandId!: string;

  @ApiProperty({ example: 'cq-new-cement' })
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `firmId ${ACCOUNT_ID_MESSAGE}` })
  firmId!: string;

  @ApiPropertyOptional({ example: 'cq-new-cement-001', description: 'Holding account; defaults to firmId' })
  @IsOptional()
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `accountId ${ACCOUNT_ID_MESSAGE}` })
  accountId?: string;

  @ApiProperty({
    example: 500,
    description: 'Units requested (the rule-based entitlement of the new entrant)',
  })
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  quantity!: number;
}
