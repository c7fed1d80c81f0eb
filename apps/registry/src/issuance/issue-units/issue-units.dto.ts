import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsPositive, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { INSTRUMENT_KINDS, type InstrumentKind } from '@app/domain';
import {
  ACCOUNT_ID_MESSAGE,
  ACCOUNT_ID_PATTERN,
  CommandEnvelopeDto,
} from '../../shared/command-envelope.dto';

export class IssueUnitsDto extends CommandEnvelopeDto {
  @ApiPropertyOptional({
    example: 'CQ-GOVERNMENT',
    description: 'Account receiving the new block; defaults to the registry government account',
  })
  @IsOptional()
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `accountId ${ACCOUNT_ID_MESSAGE}` })
  accountId?: string;

  @ApiProperty({ enum: INSTRUMENT_KINDS, example: 'CARBON_ALLOWANCE' })
  @IsIn(INSTRUMENT_KINDS)
  kind!: InstrumentKind;

  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1900)
  @Max(9999)
  vintage!: number;

  @ApiPropertyOptional({ example: 'CQ-FOR-001', description: 'Required for credits (CCER, CQCER, ...)' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'projectId must be letters, digits, . _ -' })
  @MaxLength(64)
  projectId?: string;

  @ApiPropertyOptional({ example: 2029, description: 'Last valid year (validity period of the right)' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(9999)
  validThrough?: number;

  @ApiProperty({ example: 100000, description: 'Units in the block (integer)' })
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  quantity!: number;
}
