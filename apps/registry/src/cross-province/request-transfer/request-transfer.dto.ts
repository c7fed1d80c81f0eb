import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { INSTRUMENT_KINDS, type InstrumentKind } from '@app/domain';
import {
  ACCOUNT_ID_MESSAGE,
  ACCOUNT_ID_PATTERN,
  CommandEnvelopeDto,
} from '../../shared/command-envelope.dto';
import { REGISTRY_JURISDICTIONS, type RegistryJurisdiction } from '../../shared/registry-jurisdiction';

export class RequestTransferDto extends CommandEnvelopeDto {
  @ApiProperty({ example: 'xp-2026-0001', description: 'Unique across both registries' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'transferId must be 1-64 letters, digits, . _ -' })
  transferId!: string;

  @ApiProperty({ enum: REGISTRY_JURISDICTIONS, description: "The seller's registry (origin)" })
  @IsIn(REGISTRY_JURISDICTIONS)
  from!: RegistryJurisdiction;

  @ApiProperty({ example: 'cq-chem-01' })
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `sellerAccountId ${ACCOUNT_ID_MESSAGE}` })
  sellerAccountId!: string;

  @ApiProperty({ enum: REGISTRY_JURISDICTIONS, description: "The buyer's registry (destination)" })
  @IsIn(REGISTRY_JURISDICTIONS)
  to!: RegistryJurisdiction;

  @ApiProperty({ example: 'sc-paper-02' })
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `buyerAccountId ${ACCOUNT_ID_MESSAGE}` })
  buyerAccountId!: string;

  @ApiProperty({ enum: INSTRUMENT_KINDS, example: 'POLLUTANT_SO2' })
  @IsIn(INSTRUMENT_KINDS)
  kind!: InstrumentKind;

  @ApiPropertyOptional({
    example: 2025,
    description: 'Only units of this vintage (else lowest serial first)',
  })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(9999)
  vintage?: number;

  @ApiProperty({ example: 40, description: 'Units (integer)' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  quantity!: number;

  @ApiProperty({ example: 2100000, description: 'Agreed price per unit, integer fen' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  priceFen!: number;

  @ApiPropertyOptional({
    example: 168,
    description: 'Hours both regulators have to decide (default 168 = 7 days)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  approvalWindowHours?: number;
}
