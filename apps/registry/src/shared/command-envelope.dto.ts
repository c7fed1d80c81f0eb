import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** Every registry command: an idempotency key and who asks (roles come later; the actor is recorded). */
export class CommandEnvelopeDto {
  @ApiProperty({
    example: 'cmd-2025-0001',
    description: 'Idempotency key: a retry with the same body returns the first answer; another body → 409',
  })
  @IsString()
  @MaxLength(100)
  @Matches(ID, { message: 'commandId must use letters, digits and . _ : -' })
  commandId!: string;

  @ApiProperty({
    example: 'regulator:cq-eco-bureau',
    description: 'Who issues the command; stored in event metadata',
  })
  @IsString()
  @MaxLength(100)
  @Matches(/^\S+$/, { message: 'actor must be a non-empty token without spaces' })
  actor!: string;
}

export const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const ACCOUNT_ID_MESSAGE = 'must be 1-64 letters, digits, dot, dash or underscore';
