import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CommandEnvelopeDto } from '../../shared/command-envelope.dto';

export class DecideTransferDto extends CommandEnvelopeDto {
  @ApiProperty({
    example: 'SC-DEE',
    description: 'The deciding regulator (CQ-EEB: Chongqing, SC-DEE: Sichuan); must be the side’s province',
  })
  @IsString()
  @MaxLength(32)
  regulator!: string;

  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'])
  decision!: 'approve' | 'reject';

  @ApiPropertyOptional({ example: 'receiving basin over its COD ceiling', description: 'Required to reject' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason?: string;
}
