import type { MatchingCommand } from '../commands/matching-command';
import type { MatchingEvent } from '../commands/matching-event';

type Event = DistributiveOmit<MatchingEvent, 'seq'>;
type DistributiveOmit<T, K extends keyof never> = T extends unknown ? Omit<T, K> : never;

interface RefOrder {
  id: string;
  account: string;
  side: 'buy' | 'sell';
  price: number;
  qty: number;
  time: number;
}

const positive = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

/**
 * A deliberately naive continuous-trading book (default rules: tick 1, lot 1, no band,
 * STP cancel-incoming) used as the oracle in property tests: a flat array, sorted on every match.
 */
export class ReferenceBook {
  orders: RefOrder[] = [];
  private used = new Set<string>();
  private clock = 0;

  apply(c: MatchingCommand): Event[] {
    const out: Event[] = [];
    switch (c.type) {
      case 'limit':
      case 'market': {
        const isLimit = c.type === 'limit';
        if (this.used.has(c.id)) return [{ type: 'rejected', id: c.id, reason: 'duplicate-id' }];
        if (isLimit && !positive(c.price)) return [{ type: 'rejected', id: c.id, reason: 'bad-price' }];
        if (!positive(c.qty)) return [{ type: 'rejected', id: c.id, reason: 'bad-qty' }];
        const price = isLimit ? c.price : c.side === 'buy' ? Infinity : -Infinity;
        const tif = isLimit ? (c.tif ?? 'GTC') : 'MARKET';
        if (isLimit && c.postOnly && this.crossing(c.side, price).length > 0) {
          return [{ type: 'rejected', id: c.id, reason: 'post-only-would-trade' }];
        }
        this.used.add(c.id);
        out.push({ type: 'accepted', id: c.id });
        const order = { id: c.id, account: c.account ?? '', side: c.side, price, qty: c.qty, time: 0 };
        this.enter(order, tif, out);
        return out;
      }
      case 'cancel': {
        const o = this.orders.find((x) => x.id === c.id);
        if (o === undefined) return [{ type: 'rejected', id: c.id, reason: 'unknown-order' }];
        this.orders = this.orders.filter((x) => x !== o);
        return [{ type: 'cancelled', id: o.id, qty: o.qty, reason: 'user' }];
      }
      case 'amend': {
        const o = this.orders.find((x) => x.id === c.id);
        if (o === undefined) return [{ type: 'rejected', id: c.id, reason: 'unknown-order' }];
        if (c.price !== undefined && !positive(c.price))
          return [{ type: 'rejected', id: c.id, reason: 'bad-price' }];
        if (c.qty !== undefined && !positive(c.qty))
          return [{ type: 'rejected', id: c.id, reason: 'bad-qty' }];
        const price = c.price ?? o.price;
        const qty = c.qty ?? o.qty;
        out.push({ type: 'amended', id: o.id, price, qty });
        if (price === o.price && qty <= o.qty) {
          o.qty = qty;
          return out;
        }
        this.orders = this.orders.filter((x) => x !== o);
        this.enter({ ...o, price, qty }, 'GTC', out);
        return out;
      }
      default:
        throw new Error(`reference book does not model ${c.type}`);
    }
  }

  private crossing(side: 'buy' | 'sell', price: number): RefOrder[] {
    return this.orders
      .filter((o) => o.side !== side && (side === 'buy' ? o.price <= price : o.price >= price))
      .sort((a, b) => (side === 'buy' ? a.price - b.price : b.price - a.price) || a.time - b.time);
  }

  private enter(order: RefOrder, tif: string, out: Event[]): void {
    const makers = this.crossing(order.side, order.price);
    if (tif === 'FOK') {
      let fillable = 0;
      for (const m of makers) {
        if (order.account !== '' && m.account === order.account) break;
        fillable += m.qty;
      }
      if (fillable < order.qty) {
        out.push({ type: 'cancelled', id: order.id, qty: order.qty, reason: 'fok' });
        return;
      }
    }
    let rem = order.qty;
    for (const m of makers) {
      if (rem === 0) break;
      if (order.account !== '' && m.account === order.account) {
        this.orders = this.orders.filter((o) => o.qty > 0);
        out.push({ type: 'cancelled', id: order.id, qty: rem, reason: 'stp' });
        return;
      }
      const q = Math.min(rem, m.qty);
      rem -= q;
      m.qty -= q;
      out.push({
        type: 'trade',
        taker: order.id,
        maker: m.id,
        aggressor: order.side,
        price: m.price,
        qty: q,
      });
    }
    this.orders = this.orders.filter((m) => m.qty > 0);
    if (rem === 0) return;
    if (tif === 'MARKET' || tif === 'IOC' || tif === 'FOK') {
      out.push({
        type: 'cancelled',
        id: order.id,
        qty: rem,
        reason: tif === 'MARKET' ? 'market' : tif === 'IOC' ? 'ioc' : 'fok',
      });
      return;
    }
    this.orders.push({ ...order, qty: rem, time: ++this.clock });
  }
}
