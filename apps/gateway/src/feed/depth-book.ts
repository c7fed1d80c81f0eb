import type { BookEvent } from '@app/contracts';

/** [price, qty, orders]: one price level; qty 0 in an update means the level is gone. */
export type LevelTuple = [price: number, qty: number, orders: number];

export interface DepthChanges {
  bids: LevelTuple[];
  asks: LevelTuple[];
}

interface RestingOrder {
  side: 'buy' | 'sell';
  /** Undefined for a market order: it never rests, only trades until its rest is cancelled. */
  price: number | undefined;
  remaining: number;
}

/** `OrderAmended`: the order's new price and open quantity (it may trade at once after it). */
export interface AmendEvent {
  type: 'OrderAmended';
  data: { orderId: string; price: number; qty: number };
}

interface Level {
  qty: number;
  orders: number;
}

/**
 * One instrument's aggregated depth, followed from its book stream in version order (the same
 * rules as the orders read model). It remembers which levels a batch of events touched, so the
 * feed can send only those.
 */
export class DepthBook {
  /** Version of the `book-<instrument>` stream applied so far. */
  version = 0;
  private readonly orders = new Map<string, RestingOrder>();
  private readonly bids = new Map<number, Level>();
  private readonly asks = new Map<number, Level>();
  private readonly touched = { buy: new Set<number>(), sell: new Set<number>() };

  /** Applies the event at `streamVersion`; false (and nothing changes) if it is not the next one. */
  apply(event: BookEvent | AmendEvent, streamVersion: number): boolean {
    if (streamVersion !== this.version + 1) return false;
    this.version = streamVersion;
    if (event.type === 'OrderAmended') {
      this.amend(event.data);
      return true;
    }
    switch (event.type) {
      case 'OrderAccepted': {
        const { orderId, side, price, qty, type } = event.data.order;
        const resting = { side, price: type === 'market' ? undefined : price, remaining: qty };
        this.orders.set(orderId, resting);
        this.adjust(resting, qty, 1);
        break;
      }
      case 'TradeExecuted':
        this.reduce(event.data.buyOrderId, event.data.qty);
        this.reduce(event.data.sellOrderId, event.data.qty);
        break;
      case 'OrderCancelled': {
        const order = this.orders.get(event.data.orderId);
        if (order) this.reduce(event.data.orderId, order.remaining);
        break;
      }
      default:
        break;
    }
    return true;
  }

  /** Every level, best first: bids high to low, asks low to high. */
  levels(): DepthChanges {
    const sorted = (side: Map<number, Level>, descending: boolean): LevelTuple[] =>
      [...side.entries()]
        .sort(([a], [b]) => (descending ? b - a : a - b))
        .map(([price, l]) => [price, l.qty, l.orders]);
    return { bids: sorted(this.bids, true), asks: sorted(this.asks, false) };
  }

  /** Levels changed since the last call (qty 0 = removed), and forgets them. */
  takeChanges(): DepthChanges {
    const collect = (prices: Set<number>, side: Map<number, Level>, descending: boolean): LevelTuple[] => {
      const out = [...prices]
        .sort((a, b) => (descending ? b - a : a - b))
        .map((price): LevelTuple => {
          const level = side.get(price);
          return [price, level?.qty ?? 0, level?.orders ?? 0];
        });
      prices.clear();
      return out;
    };
    return {
      bids: collect(this.touched.buy, this.bids, true),
      asks: collect(this.touched.sell, this.asks, false),
    };
  }

  private amend({ orderId, price, qty }: AmendEvent['data']): void {
    const order = this.orders.get(orderId);
    if (!order) return;
    this.adjust(order, -order.remaining, -1);
    order.price = price;
    order.remaining = qty;
    this.adjust(order, qty, 1);
  }

  private reduce(orderId: string, qty: number): void {
    const order = this.orders.get(orderId);
    if (!order) return;
    order.remaining -= qty;
    const gone = order.remaining <= 0;
    if (gone) this.orders.delete(orderId);
    this.adjust(order, -qty, gone ? -1 : 0);
  }

  private adjust(order: RestingOrder, qty: number, orders: number): void {
    if (order.price === undefined) return;
    const side = order.side === 'buy' ? this.bids : this.asks;
    const level = side.get(order.price) ?? { qty: 0, orders: 0 };
    level.qty += qty;
    level.orders += orders;
    if (level.orders <= 0 || level.qty <= 0) side.delete(order.price);
    else side.set(order.price, level);
    this.touched[order.side].add(order.price);
  }
}
