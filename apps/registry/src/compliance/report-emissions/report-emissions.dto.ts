import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import {
  ACCOUNT_ID_MESSAGE,
  ACCOUNT_ID_PATTERN,
  CommandEnvelopeDto,
} from '../../shared/command-envelope.dto';

export class ReportEmissionsDto extends CommandEnvelopeDto {
  @ApiProperty({ example: 'cq-steel' })
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `firmId ${ACCOUNT_ID_MESSAGE}` })
  firmId!: string;

  @ApiPropertyOptional({
    example: 'cq-steel-001',
    description: 'Holding account it surrenders from; defaults to firmId',
  })
  @IsOptional()
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `accountId ${ACCOUNT_ID_MESSAGE}` })
  accountId?: string;

  @ApiProperty({ example: 2025 }) @IsInt() @Min(1900) @Max(9999) complianceYear!: number;

  @ApiProperty({ example: 812345, description: 'Reported emissions, tCO2e (integer)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  emissions!: number;
}
