import { ApiProperty } from '@nestjs/swagger';
import { MoveView } from '../shared/move.view';

export class CustodyMoveView extends MoveView {
  @ApiProperty({ example: 'cq-steel-001' }) memberId!: string;
  @ApiProperty({ example: 'CQEA-2025' }) instrument!: string;
  @ApiProperty({ example: 'CQ-EXCHANGE' }) custodyAccount!: string;
}
