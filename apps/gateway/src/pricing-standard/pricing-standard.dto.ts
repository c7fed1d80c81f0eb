import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';

/** A calendar date, YYYY-MM-DD. */
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class ProposeStandardDto {
  @ApiPropertyOptional({
    example: 'regulator-sc',
    description:
      "The proposing regulator. Filled in from the sign-in (the signed-in regulator's id is recorded); when sent, it must name the signed-in regulator (its id, or its province's CQ-EEB / SC-DEE), else 403",
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  regulator!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The standard document (see libs/pricing README): version YYYY.N, title, closing, bands per class, ' +
      'benchmark, co2e, index. Validated field by field; a fault is 400 naming the first field, with every issue listed.',
  })
  @IsObject()
  document!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Idempotency key: the same key and body again gets the first answer' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  commandId?: string;
}

export class ApproveStandardDto {
  @ApiProperty({ enum: ['CQ', 'SC'], description: 'The province whose key this is' })
  @IsIn(['CQ', 'SC'])
  province!: 'CQ' | 'SC';

  @ApiPropertyOptional({
    example: 'regulator-cq',
    description:
      "That province's regulator. Filled in from the sign-in (the signed-in regulator's id is recorded); when sent, it must name the signed-in regulator (its id, or its province's CQ-EEB / SC-DEE), else 403",
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  regulator!: string;

  @ApiProperty({
    example: '2026-12-01',
    description:
      'From this day (00:00 Beijing time) the version is in force once both approved; both must give the same date; not before today',
  })
  @Matches(ISO_DATE, { message: 'effectiveFrom must be YYYY-MM-DD' })
  effectiveFrom!: string;

  @ApiProperty({
    description: 'Idempotency key: the same key and body again gets the first answer, another body 409',
  })
  @IsString()
  @Length(1, 128)
  commandId!: string;
}

export class AtDateDto {
  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'Day asked about (default: today, Beijing time)',
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'at must be YYYY-MM-DD' })
  at?: string;
}
