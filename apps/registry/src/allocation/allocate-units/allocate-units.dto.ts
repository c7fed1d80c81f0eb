import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { INSTRUMENTS, INSTRUMENT_KINDS, type InstrumentKind } from '@app/domain';
import { CommandEnvelopeDto } from '../../shared/command-envelope.dto';
import { AllocationTableDto } from '../shared/allocation-rules.dto';

const ALLOCATABLE = INSTRUMENT_KINDS.filter((k) => !INSTRUMENTS[k].isCredit);

export class AllocateUnitsDto extends IntersectionType(CommandEnvelopeDto, AllocationTableDto) {
  @ApiProperty({ example: 2025, description: 'Vintage of the units issued for this allocation' })
  @IsInt()
  @Min(1900)
  @Max(9999)
  vintage!: number;

  @ApiPropertyOptional({ enum: ALLOCATABLE, default: 'CARBON_ALLOWANCE' })
  @IsOptional()
  @IsIn(ALLOCATABLE)
  kind?: InstrumentKind;
}
