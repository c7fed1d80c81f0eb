import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import {
  ACCOUNT_ID_MESSAGE,
  ACCOUNT_ID_PATTERN,
  CommandEnvelopeDto,
} from '../../shared/command-envelope.dto';

/** The verifier is the actor. */
export class VerifyEmissionsDto extends CommandEnvelopeDto {
  @ApiProperty({ example: 'cq-steel' })
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `firmId ${ACCOUNT_ID_MESSAGE}` })
  firmId!: string;

  @ApiProperty({ example: 2025 }) @IsInt() @Min(1900) @Max(9999) complianceYear!: number;

  @ApiProperty({ example: 809000, description: 'Verified emissions, tCO2e (integer)' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  verifiedEmissions!: number;
}
