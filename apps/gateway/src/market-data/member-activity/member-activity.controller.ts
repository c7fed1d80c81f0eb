import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/domain';
import { OrderRow, toOrderView } from '../../orders/order-status/order-row';
import { OrderView } from '../../orders/order-status/order.view';
import { TradeRow, toTradeView } from '../../trades/trade-row';
import { MemberOrdersQueryDto, MemberTradesQueryDto } from './member-activity.query.dto';
import { MemberTradeView } from './member-trade.view';

const MEMBER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * A member's own orders and trades, from the read models. A member id is the trading account its
 * orders carry; an id that never traded gets an empty list.
 */
@ApiTags('members')
@Controller('members')
export class MemberActivityController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':memberId/orders')
  @ApiParam({ name: 'memberId', example: 'cq-steel-001' })
  @ApiOkResponse({ type: [OrderView], description: 'Most recently changed first' })
  async orders(
    @Param('memberId') memberId: string,
    @Query() query: MemberOrdersQueryDto,
  ): Promise<OrderView[]> {
    checkMemberId(memberId);
    const rows: OrderRow[] = await this.dataSource.query(
      `SELECT * FROM orders_view WHERE account = $1 AND ($2::text IS NULL OR instrument = $2)
         AND ($3::boolean IS FALSE OR remaining > 0)
       ORDER BY updated_position DESC, order_id LIMIT $4`,
      [memberId, query.instrument ?? null, query.status === 'open', query.limit],
    );
    return rows.map(toOrderView);
  }

  @Get(':memberId/trades')
  @ApiParam({ name: 'memberId', example: 'cq-steel-001' })
  @ApiOkResponse({ type: [MemberTradeView], description: 'Most recent first' })
  async trades(
    @Param('memberId') memberId: string,
    @Query() query: MemberTradesQueryDto,
  ): Promise<MemberTradeView[]> {
    checkMemberId(memberId);
    // One index scan per side, each already in order: cheaper than an OR over both columns.
    const rows: TradeRow[] = await this.dataSource.query(
      `SELECT * FROM (
         (SELECT * FROM trades WHERE buyer = $1 AND ($2::text IS NULL OR instrument = $2)
          ORDER BY global_position DESC LIMIT $3)
         UNION ALL
         (SELECT * FROM trades WHERE seller = $1 AND ($2::text IS NULL OR instrument = $2)
          ORDER BY global_position DESC LIMIT $3)
       ) mine ORDER BY global_position DESC, trade_no DESC LIMIT $3`,
      [memberId, query.instrument ?? null, query.limit],
    );
    return rows.map((r) => {
      const side = r.buyer === memberId ? 'buy' : 'sell';
      return {
        ...toTradeView(r),
        side,
        orderId: side === 'buy' ? r.buy_order_id : r.sell_order_id,
      };
    });
  }
}

function checkMemberId(memberId: string): void {
  if (!MEMBER_ID.test(memberId))
    throw new DomainError('MARKET_DATA.BAD_MEMBER_ID', 'memberId must be 1-64 letters, digits, . _ -', {
      field: 'memberId',
    });
}
