import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ListTradesQueryDto } from './list-trades.query.dto';
import { TradeView } from './trade.view';

interface TradeRow {
  instrument: string;
  trade_no: number;
  price: string;
  qty: string;
  buyer: string;
  seller: string;
  buy_order_id: string;
  sell_order_id: string;
  aggressor: string;
  executed_at: string;
}

@ApiTags('market data')
@Controller('trades')
export class TradesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ type: [TradeView], description: 'Most recent trades first' })
  async list(@Query() query: ListTradesQueryDto): Promise<TradeView[]> {
    const rows: TradeRow[] = await this.dataSource.query(
      `SELECT * FROM trades WHERE ($1::text IS NULL OR instrument = $1)
       ORDER BY global_position DESC, trade_no DESC LIMIT $2`,
      [query.instrument ?? null, query.limit],
    );
    return rows.map((r) => ({
      instrument: r.instrument,
      tradeNo: r.trade_no,
      price: Number(r.price),
      qty: Number(r.qty),
      buyer: r.buyer,
      seller: r.seller,
      buyOrderId: r.buy_order_id,
      sellOrderId: r.sell_order_id,
      aggressor: r.aggressor,
      executedAt: Number(r.executed_at),
    }));
  }
}
