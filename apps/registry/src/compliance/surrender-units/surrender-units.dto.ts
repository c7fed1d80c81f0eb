import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
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

  @ApiPropertyOptional({
    enum: ['CQ', 'SC'],
    example: 'SC',
    description:
      'Surrender the other province’s carbon allowances (held by `from` in that registry): accepted only while the ' +
      'markets are linked (422 MARKET.NOT_LINKED otherwise), counted at the exchange ratio; needs `quantity`, ' +
      '`kind` CARBON_ALLOWANCE and `vintage`',
  })
  @IsOptional()
  @IsIn(['CQ', 'SC'])
  issuedBy?: 'CQ' | 'SC';
}
