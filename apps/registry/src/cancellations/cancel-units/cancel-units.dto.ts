import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ACCOUNT_ID_MESSAGE, ACCOUNT_ID_PATTERN } from '../../shared/command-envelope.dto';
import { UnitMoveDto } from '../../shared/unit-selection.dto';

export class CancelUnitsDto extends UnitMoveDto {
  @ApiPropertyOptional({
    example: 'CQ-CANCELLATION',
    description: "The CANCELLATION account receiving the units; defaults to the registry's own",
  })
  @IsOptional()
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `to ${ACCOUNT_ID_MESSAGE}` })
  to?: string;

  @ApiProperty({ example: 'expired pollutant rights', description: 'Why the units are cancelled' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
