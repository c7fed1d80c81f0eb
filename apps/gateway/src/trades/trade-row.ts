import type { TradeView } from './trade.view';

/** A row of the `trades` read model, as `pg` returns it (bigints as strings). */
export interface TradeRow {
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

export function toTradeView(r: TradeRow): TradeView {
  return {
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
  };
}
