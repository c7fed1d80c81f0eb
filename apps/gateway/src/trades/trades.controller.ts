import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ListTradesQueryDto } from './list-trades.query.dto';
import { TradeRow, toTradeView } from './trade-row';
import { TradeView } from './trade.view';

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
    return rows.map(toTradeView);
  }
}
