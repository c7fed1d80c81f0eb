import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { AllocationTableDto } from '../shared/allocation-rules.dto';

export class PreviewAllocationDto extends AllocationTableDto {
  @ApiProperty({
    example: 'regulator:cq-eco',
    description: 'Who asks (recorded in logs; nothing is written)',
  })
  @IsString()
  @MaxLength(100)
  @Matches(/^\S+$/, { message: 'actor must be a non-empty token without spaces' })
  actor!: string;
}
