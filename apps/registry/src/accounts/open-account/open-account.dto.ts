import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ACCOUNT_TYPES, type AccountType } from '@app/ledger';
import {
  ACCOUNT_ID_MESSAGE,
  ACCOUNT_ID_PATTERN,
  CommandEnvelopeDto,
} from '../../shared/command-envelope.dto';

export class OpenAccountDto extends CommandEnvelopeDto {
  @ApiProperty({ example: 'cq-steel-001' })
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `accountId ${ACCOUNT_ID_MESSAGE}` })
  accountId!: string;

  @ApiProperty({ enum: ACCOUNT_TYPES, example: 'ENTERPRISE_HOLDING' })
  @IsIn(ACCOUNT_TYPES)
  accountType!: AccountType;

  @ApiPropertyOptional({
    example: 'firm:cq-steel',
    description: 'The enterprise or body that owns the account',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ownerId?: string;
}
