import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ACCOUNT_ID_MESSAGE, ACCOUNT_ID_PATTERN } from '../../shared/command-envelope.dto';
import { UnitMoveDto } from '../../shared/unit-selection.dto';

export class SurrenderUnitsDto extends UnitMoveDto {
  @ApiPropertyOptional({
    example: 'CQ-SURRENDER',
    description: "The SURRENDER account receiving the units; defaults to the registry's own",
  })
  @IsOptional()
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `to ${ACCOUNT_ID_MESSAGE}` })
  to?: string;

  @ApiProperty({ example: 2025, description: 'Compliance year the units count for' })
  @IsInt()
  @Min(1900)
  @Max(9999)
  complianceYear!: number;
}
