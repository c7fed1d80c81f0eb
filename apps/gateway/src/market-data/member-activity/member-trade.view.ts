import { ApiProperty } from '@nestjs/swagger';
import { TradeView } from '../../trades/trade.view';

export class MemberTradeView extends TradeView {
  @ApiProperty({ enum: ['buy', 'sell'], description: "The member's side of the trade" }) side!:
    'buy' | 'sell';
  @ApiProperty({ description: "The member's order in this trade" }) orderId!: string;
}
