import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { RECOGNITION_USES, type RecognitionUse } from '@app/recognition';
import { ACCOUNT_ID_MESSAGE, ACCOUNT_ID_PATTERN, ACTOR_DESCRIPTION } from '../../shared/command-envelope.dto';

/**
 * A holder asks that origin serials be recognised in the other province. `requestId` is the idempotency key
 * (a retry with the same body answers the same saga; another body → 409). The holder's account has the same
 * id in both registries; kind, vintage and project come from the origin block.
 */
export class RequestRecognitionDto {
  @ApiProperty({ example: 'rec-2026-0001' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'requestId must be 1-64 letters, digits, . _ -' })
  requestId!: string;

  @ApiPropertyOptional({ example: 'regulator-cq', description: ACTOR_DESCRIPTION })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^\S+$/, { message: 'actor must be a non-empty token without spaces' })
  actor!: string;

  @ApiProperty({ example: 'cq-steel', description: 'The holding account (same id in both registries)' })
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `holderId ${ACCOUNT_ID_MESSAGE}` })
  holderId!: string;

  @ApiProperty({ enum: ['CQ', 'SC'] })
  @IsIn(['CQ', 'SC'])
  origin!: 'CQ' | 'SC';

  @ApiProperty({ enum: ['CQ', 'SC'] })
  @IsIn(['CQ', 'SC'])
  destination!: 'CQ' | 'SC';

  @ApiProperty({ example: 1, description: 'First origin serial number (as in the holdings view)' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  serialStart!: number;

  @ApiProperty({ example: 46, description: 'Last origin serial number, inclusive' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  serialEnd!: number;

  @ApiProperty({
    example: 'rooftop-solar',
    description: 'Methodology family (the rules may exclude some, e.g. hydro)',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  projectType!: string;

  @ApiProperty({ enum: RECOGNITION_USES })
  @IsIn(RECOGNITION_USES)
  use!: RecognitionUse;
}
