import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/**
 * Who issues a command: recorded in event metadata. Filled in from the sign-in (the edge sets it to
 * the signed-in principal's id); when sent it must name the signed-in principal, else 403.
 */
export const ACTOR_DESCRIPTION =
  "Filled in from the sign-in (the signed-in principal's id is recorded); when sent, it must name the signed-in principal (a regulator: also its province's CQ-EEB / SC-DEE), else 403";

/** Every registry command: an idempotency key and who asks (the signed-in principal, recorded). */
export class CommandEnvelopeDto {
  @ApiProperty({
    example: 'cmd-2025-0001',
    description: 'Idempotency key: a retry with the same body returns the first answer; another body → 409',
  })
  @IsString()
  @MaxLength(100)
  @Matches(ID, { message: 'commandId must use letters, digits and . _ : -' })
  commandId!: string;

  @ApiPropertyOptional({
    example: 'regulator-cq',
    description: ACTOR_DESCRIPTION,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^\S+$/, { message: 'actor must be a non-empty token without spaces' })
  actor!: string;
}

export const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const ACCOUNT_ID_MESSAGE = 'must be 1-64 letters, digits, dot, dash or underscore';
