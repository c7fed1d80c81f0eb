import type { CancelReason, EventSink, RejectReason, SessionState, Side } from '@app/matching';
import type { Trader } from '@app/agents';
import type { EventLog } from './event-log';

/** Order ids are `o` + a decimal counter (decimal keeps the book's id hash well spread) shared by all books; the table maps them to traders. */
export class OrderIds {
  private owners = new Int32Array(1 << 16);
  private next = 0;

  issue(trader: number): string {
    const n = this.next++;
    if (n >= this.owners.length) {
      const grown = new Int32Array(this.owners.length * 2);
      grown.set(this.owners);
      this.owners = grown;
    }
    this.owners[n] = trader;
    return `o${n}`;
  }

  owner(id: string): number {
    return this.owners[parseInt(id.slice(1), 10)] as number;
  }

  get issued(): number {
    return this.next;
  }
}

/** Day bar accumulators of one market. */
export interface DayBar {
  open: number;
  high: number;
  low: number;
  volume: number;
  notional: number;
  trades: number;
}

export const emptyBar = (): DayBar => ({ open: 0, high: 0, low: 0, volume: 0, notional: 0, trades: 0 });

/**
 * Receives one book's events: writes them to the log (engine event shape plus `market`, and the
 * order's account/side/price/qty on `accepted`, buyer/seller on `trade`) and settles trades into
 * the traders' holdings and cash.
 */
export class MarketSink implements EventSink {
  readonly bar: DayBar = emptyBar();
  private readonly prefix: string;
  /** The order being entered (set before each engine call, read by `accepted`). */
  account = '';
  side = 0;
  price = 0;
  qty = 0;

  constructor(
    readonly market: string,
    private readonly log: EventLog,
    private readonly traders: readonly Trader[],
    private readonly ids: OrderIds,
  ) {
    this.prefix = `,"market":"${market}","seq":`;
  }

  accepted(seq: number, id: string): void {
    this.log.line(
      `{"type":"accepted"${this.prefix}${seq},"id":"${id}","account":"${this.account}","side":"${this.side === 0 ? 'buy' : 'sell'}","price":${this.price},"qty":${this.qty}}`,
    );
  }

  rejected(seq: number, id: string, reason: RejectReason): void {
    this.log.line(`{"type":"rejected"${this.prefix}${seq},"id":"${id}","reason":"${reason}"}`);
  }

  trade(
    seq: number,
    taker: string,
    maker: string,
    aggressor: Side | 'none',
    price: number,
    qty: number,
  ): void {
    const t = this.traders[this.ids.owner(taker)] as Trader;
    const m = this.traders[this.ids.owner(maker)] as Trader;
    const takerBuys = aggressor !== 'sell';
    const buyer = takerBuys ? t : m;
    const seller = takerBuys ? m : t;
    const value = price * qty;
    buyer.holdings += qty;
    buyer.cashFen -= value;
    seller.holdings -= qty;
    seller.cashFen += value;
    t.lastFilled += qty;
    m.lastFilled += qty;
    const bar = this.bar;
    if (bar.trades === 0) {
      bar.open = price;
      bar.high = price;
      bar.low = price;
    } else {
      if (price > bar.high) bar.high = price;
      if (price < bar.low) bar.low = price;
    }
    bar.volume += qty;
    bar.notional += value;
    bar.trades++;
    this.log.line(
      `{"type":"trade"${this.prefix}${seq},"taker":"${taker}","maker":"${maker}","aggressor":"${aggressor}","price":${price},"qty":${qty},"buyer":"${buyer.id}","seller":"${seller.id}"}`,
    );
  }

  cancelled(seq: number, id: string, qty: number, reason: CancelReason): void {
    this.log.line(`{"type":"cancelled"${this.prefix}${seq},"id":"${id}","qty":${qty},"reason":"${reason}"}`);
  }

  amended(seq: number, id: string, price: number, qty: number): void {
    this.log.line(`{"type":"amended"${this.prefix}${seq},"id":"${id}","price":${price},"qty":${qty}}`);
  }

  auctionUncrossed(seq: number, price: number, volume: number, imbalance: number): void {
    this.log.line(
      `{"type":"auction-uncrossed"${this.prefix}${seq},"price":${price},"volume":${volume},"imbalance":${imbalance}}`,
    );
  }

  sessionChanged(seq: number, from: SessionState, to: SessionState): void {
    this.log.line(`{"type":"session-changed"${this.prefix}${seq},"from":"${from}","to":"${to}"}`);
  }

  blockTrade(seq: number, id: string, buyer: string, seller: string, price: number, qty: number): void {
    this.log.line(
      `{"type":"block-trade"${this.prefix}${seq},"id":"${id}","buyer":"${buyer}","seller":"${seller}","price":${price},"qty":${qty}}`,
    );
  }
}
