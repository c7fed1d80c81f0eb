import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNumber,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  ACCOUNT_ID_MESSAGE,
  ACCOUNT_ID_PATTERN,
  CommandEnvelopeDto,
} from '../../shared/command-envelope.dto';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/**
 * One metered activity. Only the shape is checked here; integers, signs, magnitudes and dates are
 * the methodology's rules, checked for every record of the batch so the answer lists them all.
 */
export class ActivityRecordDto {
  @ApiProperty({
    example: 'cq-pv-0042-2026-01',
    description: 'Unique per registry: a record is credited once',
  })
  @IsString()
  @Matches(ID, { message: 'recordId must be 1-100 letters, digits, . _ : -' })
  recordId!: string;

  @ApiProperty({ example: 'CQ-SOLAR-ROOFTOP' })
  @IsString()
  @MaxLength(64)
  methodologyId!: string;

  @ApiProperty({ example: 10000, description: 'kWh, km or trees (whole units)' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  quantity!: number;

  @ApiProperty({ example: '2026-01-01' })
  @IsString()
  @MaxLength(10)
  periodStart!: string;

  @ApiProperty({ example: '2026-01-31' })
  @IsString()
  @MaxLength(10)
  periodEnd!: string;
}

export class IssueInclusionCreditsDto extends CommandEnvelopeDto {
  @ApiProperty({ example: 'cq-inclusion-2026-01' })
  @IsString()
  @Matches(ID, { message: 'issuanceId must be 1-100 letters, digits, . _ : -' })
  issuanceId!: string;

  @ApiProperty({
    example: 'cq-household-17',
    description: 'Enterprise holding account receiving the credits',
  })
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `holderAccountId ${ACCOUNT_ID_MESSAGE}` })
  holderAccountId!: string;

  @ApiProperty({ type: [ActivityRecordDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ActivityRecordDto)
  records!: ActivityRecordDto[];
}
