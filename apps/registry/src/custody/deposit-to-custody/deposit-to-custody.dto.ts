import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsPositive, IsString, Matches, Max } from 'class-validator';
import {
  ACCOUNT_ID_MESSAGE,
  ACCOUNT_ID_PATTERN,
  CommandEnvelopeDto,
} from '../../shared/command-envelope.dto';

export class DepositToCustodyDto extends CommandEnvelopeDto {
  @ApiProperty({
    example: 'cq-steel-001',
    description: 'The exchange member; also its holding account in this registry, which the units leave',
  })
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `memberId ${ACCOUNT_ID_MESSAGE}` })
  memberId!: string;

  @ApiProperty({ example: 'CQEA-2025', description: 'Exchange instrument; gives the kind and vintage moved' })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, {
    message: 'instrument must be an instrument symbol such as CQEA-2025',
  })
  instrument!: string;

  @ApiProperty({ example: 5000, description: 'Units to move into the exchange custody account (integer)' })
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  quantity!: number;
}
