import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { ACCOUNT_ID_MESSAGE, ACCOUNT_ID_PATTERN } from '../../shared/command-envelope.dto';
import { UnitMoveDto } from '../../shared/unit-selection.dto';

export class TransferUnitsDto extends UnitMoveDto {
  @ApiProperty({
    example: 'sc-cement-009',
    description: 'Account receiving the units (not a terminal account)',
  })
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `to ${ACCOUNT_ID_MESSAGE}` })
  to!: string;
}
