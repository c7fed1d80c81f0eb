import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { INSTRUMENT_KINDS, type InstrumentKind } from '@app/domain';
import type { UnitSelection } from '@app/ledger';
import { ACCOUNT_ID_MESSAGE, ACCOUNT_ID_PATTERN, CommandEnvelopeDto } from './command-envelope.dto';
import { REGISTRY_ERRORS, RegistryError } from './registry-errors';
import type { RegistryJurisdiction } from './registry-jurisdiction';

/**
 * A move of units out of `from`: either `quantity` of an instrument (lowest serials first,
 * optionally one vintage / project), or the explicit serial range `serialStart`–`serialEnd`.
 */
export class UnitMoveDto extends CommandEnvelopeDto {
  @ApiProperty({ example: 'cq-steel-001', description: 'Account the units leave' })
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `from ${ACCOUNT_ID_MESSAGE}` })
  from!: string;

  @ApiPropertyOptional({
    example: 1000,
    description: 'Units to move, lowest serial first (or give serialStart/serialEnd)',
  })
  @ValidateIf((o: UnitMoveDto) => o.serialStart === undefined || o.quantity !== undefined)
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  quantity?: number;

  @ApiPropertyOptional({ enum: INSTRUMENT_KINDS, description: 'Required with quantity' })
  @ValidateIf((o: UnitMoveDto) => o.quantity !== undefined || o.kind !== undefined)
  @IsIn(INSTRUMENT_KINDS)
  kind?: InstrumentKind;

  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(9999)
  vintage?: number;

  @ApiPropertyOptional({ example: 'CQ-FOR-001', description: 'Only units of this project (credits)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  projectId?: string;

  @ApiPropertyOptional({
    example: 1,
    description: 'First serial number of an explicit range (with serialEnd)',
  })
  @ValidateIf((o: UnitMoveDto) => o.quantity === undefined || o.serialStart !== undefined)
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  serialStart?: number;

  @ApiPropertyOptional({ example: 500, description: 'Last serial number of an explicit range (inclusive)' })
  @ValidateIf((o: UnitMoveDto) => o.quantity === undefined || o.serialEnd !== undefined)
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  serialEnd?: number;
}

export function selectionOf(jurisdiction: RegistryJurisdiction, dto: UnitMoveDto): UnitSelection {
  if (dto.quantity !== undefined && dto.serialStart !== undefined)
    throw new RegistryError(REGISTRY_ERRORS.BAD_SELECTION, 'give either quantity or serialStart/serialEnd', {
      field: 'quantity',
    });
  if (dto.serialStart !== undefined && dto.serialEnd !== undefined)
    return { by: 'serials', start: dto.serialStart, end: dto.serialEnd };
  if (dto.quantity === undefined || dto.kind === undefined)
    throw new RegistryError(REGISTRY_ERRORS.BAD_SELECTION, 'quantity and kind are required', {
      field: 'quantity',
    });
  return {
    by: 'quantity',
    quantity: dto.quantity,
    jurisdiction,
    kind: dto.kind,
    ...(dto.vintage !== undefined ? { vintage: dto.vintage } : {}),
    ...(dto.projectId !== undefined ? { projectId: dto.projectId } : {}),
  };
}
