import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { Rounding } from '@app/domain';
import {
  ACCOUNT_ID_MESSAGE,
  ACCOUNT_ID_PATTERN,
  ACTOR_DESCRIPTION,
  CommandEnvelopeDto,
} from '../../shared/command-envelope.dto';
import { BenchmarkLineDto } from '../shared/allocation-rules.dto';

const ROUNDINGS = ['half-up', 'half-even', 'floor', 'ceil', 'trunc'] as const;

export class TrueUpFirmDto {
  @ApiProperty({ example: 'cq-power' })
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `firmId ${ACCOUNT_ID_MESSAGE}` })
  firmId!: string;

  @ApiProperty({
    type: [BenchmarkLineDto],
    description: 'Verified output × benchmark × corrections: the final benchmark allocation',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => BenchmarkLineDto)
  lines!: BenchmarkLineDto[];
}

/** The body both true-up endpoints share. */
export class TrueUpTableDto {
  @ApiProperty({ example: 'alloc-2025', description: 'commandId of the allocation that pre-allocated' })
  @IsString()
  @MaxLength(100)
  allocationCommandId!: string;

  @ApiPropertyOptional({ enum: ROUNDINGS, default: 'half-up' })
  @IsOptional()
  @IsIn(ROUNDINGS)
  rounding?: Rounding;

  @ApiProperty({ type: [TrueUpFirmDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => TrueUpFirmDto)
  firms!: TrueUpFirmDto[];
}

export class TrueUpDto extends IntersectionType(CommandEnvelopeDto, TrueUpTableDto) {}

export class PreviewTrueUpDto extends TrueUpTableDto {
  @ApiPropertyOptional({ example: 'regulator-cq', description: ACTOR_DESCRIPTION })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^\S+$/, { message: 'actor must be a non-empty token without spaces' })
  actor!: string;
}
