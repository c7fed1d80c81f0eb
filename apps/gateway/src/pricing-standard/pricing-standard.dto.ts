import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';

/** A calendar date, YYYY-MM-DD. */
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class ProposeStandardDto {
  @ApiProperty({
    example: 'SC-DEE',
    description: 'The proposing regulator: CQ-EEB (重庆市生态环境局) or SC-DEE (四川省生态环境厅)',
  })
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

  @ApiProperty({ example: 'CQ-EEB', description: "That province's regulator (the actor)" })
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
