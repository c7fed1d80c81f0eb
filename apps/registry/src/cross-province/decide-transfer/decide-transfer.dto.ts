import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { RegulatorCommandDto } from '../../shared/regulator-command.dto';

/** The deciding regulator is the signed-in one (the side's province's: the edge and the plan check). */
export class DecideTransferDto extends RegulatorCommandDto {
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
