import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import {
  ACCOUNT_ID_MESSAGE,
  ACCOUNT_ID_PATTERN,
  CommandEnvelopeDto,
} from '../../shared/command-envelope.dto';

/** Recognised units of one completed request, by their destination serials. */
class RecognisedRangeDto extends CommandEnvelopeDto {
  @ApiProperty({ example: 'cq-steel', description: 'Holding account in this (the destination) registry' })
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `from ${ACCOUNT_ID_MESSAGE}` })
  from!: string;

  @ApiProperty({ example: 90001, description: 'First destination serial (as in the request view)' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  serialStart!: number;

  @ApiProperty({ example: 90046 })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  serialEnd!: number;
}

export class SurrenderRecognisedDto extends RecognisedRangeDto {
  @ApiProperty({ example: 2026, description: 'Compliance year the offsets count for' })
  @IsInt()
  @Min(1900)
  @Max(9999)
  complianceYear!: number;
}

export class RetireRecognisedDto extends RecognisedRangeDto {
  @ApiProperty({ example: 'Chengdu brewery 2026 carbon neutrality' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  beneficiary!: string;

  @ApiPropertyOptional({ example: 'event carbon neutrality' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  reason?: string;
}
