import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { INSTRUMENTS, INSTRUMENT_KINDS, type InstrumentKind } from '@app/domain';
import { AllocationPricingDto } from '../../allocation/allocate-units/allocate-units.dto';
import { AllocationRulesDto } from '../../allocation/shared/allocation-rules.dto';
import { CommandEnvelopeDto } from '../../shared/command-envelope.dto';

const ALLOCATABLE = INSTRUMENT_KINDS.filter((k) => !INSTRUMENTS[k].isCredit);
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class PublishRuleVersionDto extends CommandEnvelopeDto {
  @ApiProperty({ example: 'CQ-CA-2025' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    message: 'ruleVersionId must be 1-64 letters, digits, . _ -',
  })
  ruleVersionId!: string;

  @ApiPropertyOptional({ enum: ALLOCATABLE, default: 'CARBON_ALLOWANCE' })
  @IsOptional()
  @IsIn(ALLOCATABLE)
  kind?: InstrumentKind;

  @ApiProperty({ example: '2025-01-01', description: 'First day in force (inclusive)' })
  @Matches(ISO_DATE, { message: 'validFrom must be YYYY-MM-DD' })
  validFrom!: string;

  @ApiProperty({ example: '2025-12-31', description: 'Last day in force (inclusive)' })
  @Matches(ISO_DATE, { message: 'validTo must be YYYY-MM-DD' })
  validTo!: string;

  @ApiProperty({ type: AllocationRulesDto })
  @ValidateNested()
  @Type(() => AllocationRulesDto)
  rules!: AllocationRulesDto;

  @ApiPropertyOptional({
    type: AllocationPricingDto,
    description: 'Other rights: free or paid at a benchmark price',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AllocationPricingDto)
  pricing?: AllocationPricingDto;
}
