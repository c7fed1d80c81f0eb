import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsPositive, IsString, Matches, Max } from 'class-validator';
import {
  ACCOUNT_ID_MESSAGE,
  ACCOUNT_ID_PATTERN,
  CommandEnvelopeDto,
} from '../../shared/command-envelope.dto';

export class PostBidGuaranteeDto extends CommandEnvelopeDto {
  @ApiProperty({ example: 'cq-steel-001', description: 'The bidder: its holding account receives any award' })
  @IsString()
  @Matches(ACCOUNT_ID_PATTERN, { message: `bidderId ${ACCOUNT_ID_MESSAGE}` })
  bidderId!: string;

  @ApiProperty({ example: 10_000_000, description: 'Cash posted, fen; added to earlier postings' })
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen!: number;
}
