import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsPositive, IsString, Matches, Max, Min } from 'class-validator';
import {
  ACCOUNT_ID_MESSAGE,
  ACCOUNT_ID_PATTERN,
  CommandEnvelopeDto,
} from '../../shared/command-envelope.dto';

export class SubmitBidDto extends CommandEnvelopeDto {
  @ApiProperty({ example: 'bid-1' })
  @IsString()
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, { message: 'bidId must be 1-64 letters, digits, . _ : -' })
  bidId!: string;

  @ApiProperty({ example: 'cq-steel-001' })
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `bidderId ${ACCOUNT_ID_MESSAGE}` })
  bidderId!: string;

  @ApiProperty({ example: 3650, description: 'Price per unit, fen' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  priceFen!: number;

  @ApiProperty({ example: 1000, description: 'Units, a multiple of the lot' })
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  quantity!: number;
}
