import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ACTOR_DESCRIPTION } from '../../shared/command-envelope.dto';
import { AllocationTableDto } from '../shared/allocation-rules.dto';

export class PreviewAllocationDto extends AllocationTableDto {
  @ApiPropertyOptional({ example: 'regulator-cq', description: ACTOR_DESCRIPTION })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^\S+$/, { message: 'actor must be a non-empty token without spaces' })
  actor!: string;
}
