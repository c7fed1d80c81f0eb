import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { CommandEnvelopeDto } from '../../shared/command-envelope.dto';

export class CancelAuctionDto extends CommandEnvelopeDto {
  @ApiProperty({ example: 'secondary price far above the expected clearing price' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
