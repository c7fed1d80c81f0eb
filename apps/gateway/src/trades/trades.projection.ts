import { EntityManager } from 'typeorm';
import { TradeExecutedData } from '@app/contracts';
import type { StoredEvent } from '@app/event-store';

/**
 * The `trades` read model: one row per TradeExecuted. Upserting on (instrument, trade_no) makes a
 * replayed batch harmless; the runner stores the checkpoint in the same transaction.
 */
export class TradesProjection {
  readonly name = 'trades';

  async handle(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    const trades = events.filter((e) => e.type === 'TradeExecuted');
    if (trades.length === 0) return;
    const columns = 13;
    const params: unknown[] = [];
    const tuples = trades.map((event, i) => {
      const t = event.data as TradeExecutedData;
      params.push(
        t.instrument,
        t.tradeNo,
        t.price,
        t.qty,
        t.buyer,
        t.seller,
        t.buyOrderId,
        t.sellOrderId,
        t.makerOrderId,
        t.takerOrderId,
        t.aggressor,
        t.executedAt,
        event.globalPosition,
      );
      return `(${Array.from({ length: columns }, (_, c) => `$${i * columns + c + 1}`).join(', ')})`;
    });
    await manager.query(
      `INSERT INTO trades (instrument, trade_no, price, qty, buyer, seller, buy_order_id, sell_order_id,
         maker_order_id, taker_order_id, aggressor, executed_at, global_position)
       VALUES ${tuples.join(', ')}
       ON CONFLICT (instrument, trade_no) DO NOTHING`,
      params,
    );
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('TRUNCATE trades');
  }
}
