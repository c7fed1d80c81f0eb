import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { INSTRUMENTS, INSTRUMENT_KINDS, type InstrumentKind } from '@app/domain';
import { CommandEnvelopeDto } from '../../shared/command-envelope.dto';

const RIGHTS = INSTRUMENT_KINDS.filter((k) => !INSTRUMENTS[k].isCredit);

export class ExpireUnitsDto extends CommandEnvelopeDto {
  @ApiProperty({ example: 2030, description: 'Units whose last valid year is before this year expire' })
  @IsInt()
  @Min(1900)
  @Max(9999)
  asOfYear!: number;

  @ApiPropertyOptional({ enum: RIGHTS, description: 'Only this right; default every kind' })
  @IsOptional()
  @IsIn(RIGHTS)
  kind?: InstrumentKind;
}
