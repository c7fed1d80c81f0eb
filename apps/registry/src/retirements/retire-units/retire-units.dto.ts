import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ACCOUNT_ID_MESSAGE, ACCOUNT_ID_PATTERN } from '../../shared/command-envelope.dto';
import { UnitMoveDto } from '../../shared/unit-selection.dto';

export class RetireUnitsDto extends UnitMoveDto {
  @ApiPropertyOptional({
    example: 'CQ-RETIREMENT',
    description: "The RETIREMENT account receiving the units; defaults to the registry's own",
  })
  @IsOptional()
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `to ${ACCOUNT_ID_MESSAGE}` })
  to?: string;

  @ApiProperty({ example: 'Chongqing Marathon 2025', description: 'On whose behalf the units are retired' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  beneficiary!: string;

  @ApiPropertyOptional({ example: 'event carbon neutrality' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
