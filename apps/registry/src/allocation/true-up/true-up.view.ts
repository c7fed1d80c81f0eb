import { ApiProperty } from '@nestjs/swagger';
import { CommandResultView } from '../../shared/command-result';
import type { TrueUpPreview } from './true-up-plan';

export class TrueUpView extends CommandResultView {
  @ApiProperty({ description: 'Per firm: pre-allocated, final benchmark entitlement, adjustment' })
  preview!: TrueUpPreview;
}
