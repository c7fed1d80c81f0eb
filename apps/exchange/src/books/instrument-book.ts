import {
  AmendOrderMessage,
  BookEvent,
  MARKET_LINKED,
  MARKET_SEPARATED,
  PlaceOrderMessage,
  ReportBlockTradeMessage,
  type MarketModeAppliedData,
  type OrderLegData,
  type SetMarketModeMessage,
} from '@app/contracts';
import { linkedLegs } from '@app/clearing';
import { isLinkedBook } from '@app/domain';
import { BookSnapshot, MatchingCommand, MatchingEvent, OrderBookEngine, SIDE_NAMES } from '@app/matching';
import type { BookSession, ConfigureBookMessage, SetSessionMessage } from '@app/contracts';
import type { InstrumentDefinition, TradingMode } from '@app/platform';
import { sessionPath } from './sessions/session-boundary';

interface OrderOwner {
  account: string;
  side: 'buy' | 'sell';
  /** In a linked book: the order's own instrument and its allowances per linked unit. */
  leg?: OrderLegData;
}

/** A command its book's trading modes do not allow now: rejected, nothing else changes. */
export const MODE_NOT_ALLOWED = 'mode-not-allowed';

/** The rejection of a new order, recorded in `book` (its reservation is released by settlement). */
export function orderRejected(order: PlaceOrderMessage, book: string, reason: string): BookEvent {
  return {
    type: 'OrderRejected',
    data: { orderId: order.orderId, instrument: book, account: order.account, reason },
  };
}

/** Cancels a market switch makes: replayed like user cancels. */
const SWITCH_CANCELS = new Set([MARKET_LINKED, MARKET_SEPARATED]);

/**
 * What a book is at one stream version, as JSON. The owners of the resting orders are not stored
 * twice: the engine snapshot lists every resting order with its account and side.
 */
export interface InstrumentBookSnapshot {
  format: 1;
  /** Version of the `book-<instrument>` stream this state reflects. */
  version: number;
  tradeNo: number;
  engine: BookSnapshot;
  /** Linked books: each resting order's own instrument and units per linked unit. */
  legs?: [orderId: string, instrument: string, perUnit: number][];
  /** Linked books: the market mode the vintage's books follow. */
  marketMode?: MarketModeAppliedData;
  /** The trading modes in force (absent in snapshots taken before they were kept: the catalogue's). */
  modes?: TradingMode[];
}

/**
 * One instrument's book as its single writer holds it: the pure engine, plus what the engine does
 * not keep but the trade events must say (who owns each order) and the stream version it stands at.
 */
export class InstrumentBook {
  private engine: OrderBookEngine;
  /** Owners of the live orders only: a filled or cancelled order never trades again. */
  private readonly owners = new Map<string, OrderOwner>();
  private tradeNo = 0;
  /** Version of the `book-<instrument>` stream this state reflects. */
  version = 0;
  /** Stream version of the newest snapshot saved (or loaded) for this book. */
  snapshotVersion = 0;
  /** Linked books: the mode in force for the vintage (absent: never switched, separate). */
  marketMode?: MarketModeAppliedData;
  /** How the instrument may trade now: the catalogue's, then each decision's in force. */
  private modes: readonly TradingMode[];

  constructor(readonly instrument: InstrumentDefinition) {
    this.modes = instrument.modes;
    this.engine = new OrderBookEngine({
      instrument: instrument.symbol,
      tick: instrument.tick,
      lot: instrument.lot,
      maxQty: instrument.maxOrderQty,
      // A linked book has no band of its own: each order was checked against its own instrument's.
      ...(isLinkedBook(instrument.symbol)
        ? {}
        : { referencePrice: instrument.referencePrice, bandBp: instrument.bandBp }),
      blockBandBp: instrument.blockBandBp,
      blockMinQty: instrument.blockMinQty,
    });
  }

  /** Matches an order and says what happened, as events for the book's stream. */
  place(order: PlaceOrderMessage): BookEvent[] {
    const command: MatchingCommand =
      order.type === 'market'
        ? { type: 'market', id: order.orderId, account: order.account, side: order.side, qty: order.qty }
        : {
            type: 'limit',
            id: order.orderId,
            account: order.account,
            side: order.side,
            price: order.price ?? 0,
            qty: order.qty,
            tif: order.tif,
            postOnly: order.postOnly,
          };
    return this.translate(this.engine.apply(command), order);
  }

  /**
   * A new order, refused as `mode-not-allowed` when the instrument's trading modes do not allow
   * listing orders in the book's session (continuous trading, or the call auction collecting in
   * pre-open and closing-auction); otherwise matched ({@link place}).
   */
  placeNew(order: PlaceOrderMessage): BookEvent[] {
    if (!this.listingAllowed()) return [orderRejected(order, this.instrument.symbol, MODE_NOT_ALLOWED)];
    return this.place(order);
  }

  /** A reported block trade, refused as `mode-not-allowed` when block trades are not allowed. */
  reportBlock(m: ReportBlockTradeMessage): BookEvent[] {
    if (this.modes.includes('block')) return this.block(m);
    const { instrument, tradeId, buyOrderId, sellOrderId } = m;
    return [
      {
        type: 'BlockTradeRejected',
        data: { instrument, tradeId, buyOrderId, sellOrderId, reason: MODE_NOT_ALLOWED },
      },
    ];
  }

  /** The mode a listing order needs in the current session is allowed (closed, halted: the engine refuses). */
  private listingAllowed(): boolean {
    return this.allowsListingIn(this.engine.session);
  }

  /**
   * Whether this instrument's modes allow a listing order in `session`: its own book's, or the
   * linked book's its orders go to while the markets are linked.
   */
  allowsListingIn(session: BookSession): boolean {
    if (session === 'continuous') return this.modes.includes('continuous');
    if (session === 'pre-open' || session === 'closing-auction') return this.modes.includes('auction');
    return true;
  }

  /** The open quantity of a resting order, or undefined. */
  remainingQty(orderId: string): number | undefined {
    return this.engine.remainingQty(orderId);
  }

  cancel(orderId: string): BookEvent[] {
    return this.translate(this.engine.apply({ type: 'cancel', id: orderId }), undefined);
  }

  /**
   * Amends a resting order (clearing): the gateway's `qty` is lowered by what filled since it
   * looked (`openQtySeen`); nothing left to amend is refused as `amend-below-filled`, and an
   * amendment the order's reservation lacks something for (`shortfall`) as `amend-not-covered`.
   */
  amend(
    m: AmendOrderMessage,
    shortfall: (openNow: number, after: { price?: number; openQty: number }) => number = () => 0,
  ): BookEvent[] {
    const open = this.engine.remainingQty(m.orderId);
    const qty = m.qty === undefined || open === undefined ? m.qty : m.qty - (m.openQtySeen - open);
    const refuse = (reason: string): BookEvent[] => [
      { type: 'AmendRejected', data: { orderId: m.orderId, instrument: this.instrument.symbol, reason } },
    ];
    if (!this.listingAllowed()) return refuse(MODE_NOT_ALLOWED);
    if (qty !== undefined && qty <= 0) return refuse('amend-below-filled');
    if (open !== undefined && shortfall(open, { price: m.price, openQty: qty ?? open }) > 0)
      return refuse('amend-not-covered');
    const events = this.translate(
      this.engine.apply({ type: 'amend', id: m.orderId, price: m.price, qty }),
      undefined,
      m.receivedAt,
    );
    // A refused amendment leaves the order as it was: it is not the order's rejection.
    return events.map((e) =>
      e.type === 'OrderRejected'
        ? {
            type: 'AmendRejected',
            data: { orderId: m.orderId, instrument: e.data.instrument, reason: e.data.reason },
          }
        : e,
    );
  }

  /** A negotiated trade (clearing): checked against the block band and minimum, never touches the book. */
  block(m: ReportBlockTradeMessage): BookEvent[] {
    const events = this.engine.apply({
      type: 'block',
      id: m.tradeId,
      buyer: m.buyer,
      seller: m.seller,
      price: m.price,
      qty: m.qty,
    });
    const { instrument, tradeId, buyOrderId, sellOrderId } = m;
    return events.flatMap((e): BookEvent[] =>
      e.type === 'block-trade'
        ? [
            {
              type: 'BlockTradeExecuted',
              data: {
                ...{ instrument, tradeId, buyOrderId, sellOrderId },
                buyer: m.buyer,
                seller: m.seller,
                price: m.price,
                qty: m.qty,
                executedAt: m.receivedAt,
              },
            },
          ]
        : e.type === 'rejected'
          ? [
              {
                type: 'BlockTradeRejected',
                data: { instrument, tradeId, buyOrderId, sellOrderId, reason: e.reason },
              },
            ]
          : [],
    );
  }

  /** Rebuilds state from the stream: accepted orders and user cancels re-run through the same engine. */
  replay(event: BookEvent): void {
    if (event.type === 'OrderAccepted') this.place(event.data.order);
    else if (
      event.type === 'OrderCancelled' &&
      (event.data.reason === 'user' ||
        event.data.reason === 'expired' ||
        SWITCH_CANCELS.has(event.data.reason))
    )
      this.cancel(event.data.orderId);
    else if (event.type === 'MarketModeApplied') this.marketMode = event.data;
    else if (event.type === 'SessionChanged') this.enterSession(event.data.to);
    else if (event.type === 'BookConfigured') this.applyRules(event.data.changes);
    else if (event.type === 'OrderAmended')
      this.translate(
        this.engine.apply({
          type: 'amend',
          id: event.data.orderId,
          price: event.data.price,
          qty: event.data.qty,
        }),
        undefined,
      );
    else if (event.type === 'BlockTradeExecuted')
      this.block({ ...event.data, commandId: '', receivedAt: event.data.executedAt });
  }

  /**
   * Moves the book to `m.session` through the engine's session machine; at the day's last close
   * every DAY order expires (`OrderCancelled`, reason `expired`). Already there: nothing happens.
   */
  setSession(m: SetSessionMessage): BookEvent[] {
    const out: BookEvent[] = [];
    for (const to of sessionPath(this.engine.session, m.session)) {
      const from = this.engine.session;
      out.push(...this.enterSession(to));
      out.push({
        type: 'SessionChanged',
        data: { instrument: this.instrument.symbol, from, to, tradingDay: m.tradingDay, at: m.receivedAt },
      });
    }
    if (m.closesDay) out.push(...this.translate(this.engine.apply({ type: 'expire-day' }), undefined));
    return out;
  }

  /**
   * A regulator's decision in force: new reference price, bands, tick, lot, maximum order size or
   * trading modes; resting orders stay (with no listing mode left they can only be cancelled). Changes the engine refuses (invalid together) leave the book as it was.
   */
  configure(m: ConfigureBookMessage): BookEvent[] {
    if (!this.applyRules(m.changes)) return [];
    const { decisionId, changes, effectiveFromMs } = m;
    return [
      {
        type: 'BookConfigured',
        data: { instrument: this.instrument.symbol, decisionId, changes, effectiveFromMs, at: m.receivedAt },
      },
    ];
  }

  /**
   * A market switch: every resting order is cancelled with `reason` (its reservation goes back
   * to its owner), as exchanges purge a book whose instrument changes rather than carry orders
   * priced for another market into it.
   */
  purge(reason: typeof MARKET_LINKED | typeof MARKET_SEPARATED): BookEvent[] {
    const out: BookEvent[] = [];
    for (const orderId of [...this.owners.keys()])
      for (const e of this.cancel(orderId))
        out.push(e.type === 'OrderCancelled' ? { ...e, data: { ...e.data, reason } } : e);
    return out;
  }

  /** Records the mode the vintage's books now follow (linked books only). */
  applyMarketMode(m: SetMarketModeMessage): BookEvent[] {
    const { instrument, version, mode, exchangeRatio, effectiveFrom } = m;
    this.marketMode = { instrument, version, mode, exchangeRatio, effectiveFrom, at: m.receivedAt };
    return [{ type: 'MarketModeApplied', data: this.marketMode }];
  }

  get session(): BookSession {
    return this.engine.session;
  }

  depth(levels: number) {
    return this.engine.depth(levels);
  }

  /** Trades executed so far; the next trade is numbered one more. */
  get lastTradeNo(): number {
    return this.tradeNo;
  }

  get liveOrders(): number {
    return this.owners.size;
  }

  snapshot(): InstrumentBookSnapshot {
    const legs: NonNullable<InstrumentBookSnapshot['legs']> = [];
    for (const [id, o] of this.owners) if (o.leg) legs.push([id, o.leg.instrument, o.leg.perUnit]);
    return {
      format: 1,
      version: this.version,
      tradeNo: this.tradeNo,
      engine: this.engine.snapshot(),
      ...(legs.length > 0 ? { legs } : {}),
      ...(this.marketMode ? { marketMode: this.marketMode } : {}),
      modes: [...this.modes],
    };
  }

  /** The book exactly as it was when `snapshot` was taken; the catalogue entry names the instrument. */
  static restore(instrument: InstrumentDefinition, snapshot: InstrumentBookSnapshot): InstrumentBook {
    const book = new InstrumentBook(instrument);
    book.engine = OrderBookEngine.restore(snapshot.engine);
    book.tradeNo = snapshot.tradeNo;
    book.version = snapshot.version;
    for (const [id, account, side] of [...snapshot.engine.bids, ...snapshot.engine.asks])
      book.owners.set(id, { account, side: SIDE_NAMES[side] });
    for (const [id, instrument, perUnit] of snapshot.legs ?? []) {
      const owner = book.owners.get(id);
      if (owner) owner.leg = { instrument, perUnit };
    }
    book.marketMode = snapshot.marketMode;
    if (snapshot.modes) book.modes = snapshot.modes;
    return book;
  }

  private applyRules(c: ConfigureBookMessage['changes']): boolean {
    const { referencePrice, bandBp, blockBandBp, blockMinQty, tick, lot } = c;
    const applied = this.engine.configure({
      referencePrice,
      bandBp,
      blockBandBp,
      blockMinQty,
      maxQty: c.maxOrderQty,
      tick,
      lot,
    });
    if (applied && c.modes) this.modes = c.modes;
    return applied;
  }

  /** Auction trades on leaving pre-open are numbered (and replayed) like any other trade. */
  private enterSession(to: BookSession): BookEvent[] {
    return this.translate(this.engine.apply({ type: 'session', session: to }), undefined);
  }

  private translate(events: MatchingEvent[], order: PlaceOrderMessage | undefined, at?: number): BookEvent[] {
    const out = this.toBookEvents(events, order, at);
    this.forgetDeadOwners(events);
    return out;
  }

  private forgetDeadOwners(events: MatchingEvent[]): void {
    for (const e of events) {
      if (e.type === 'trade') {
        this.forgetIfDead(e.taker);
        this.forgetIfDead(e.maker);
      } else if (e.type === 'cancelled' || e.type === 'accepted') this.forgetIfDead(e.id);
    }
  }

  private forgetIfDead(orderId: string): void {
    if (this.engine.remainingQty(orderId) === undefined) this.owners.delete(orderId);
  }

  private toBookEvents(
    events: MatchingEvent[],
    order: PlaceOrderMessage | undefined,
    at?: number,
  ): BookEvent[] {
    const out: BookEvent[] = [];
    const symbol = this.instrument.symbol;
    for (const e of events) {
      switch (e.type) {
        case 'accepted':
          if (order) {
            this.owners.set(order.orderId, {
              account: order.account,
              side: order.side,
              ...(order.leg ? { leg: order.leg } : {}),
            });
            out.push({ type: 'OrderAccepted', data: { order } });
          }
          break;
        case 'rejected':
          out.push({
            type: 'OrderRejected',
            data: {
              orderId: e.id ?? order?.orderId ?? '',
              instrument: symbol,
              account: order?.account,
              reason: e.reason,
            },
          });
          break;
        case 'trade': {
          const taker = this.owners.get(e.taker);
          const maker = this.owners.get(e.maker);
          if (!taker || !maker) throw new Error(`trade between unknown orders ${e.taker} and ${e.maker}`);
          const takerBuys = taker.side === 'buy';
          const [buyer, seller] = takerBuys ? [taker, maker] : [maker, taker];
          out.push({
            type: 'TradeExecuted',
            data: {
              instrument: symbol,
              tradeNo: ++this.tradeNo,
              price: e.price,
              qty: e.qty,
              makerOrderId: e.maker,
              takerOrderId: e.taker,
              buyOrderId: takerBuys ? e.taker : e.maker,
              sellOrderId: takerBuys ? e.maker : e.taker,
              buyer: takerBuys ? taker.account : maker.account,
              seller: takerBuys ? maker.account : taker.account,
              aggressor: taker.side,
              executedAt: order?.receivedAt ?? at ?? 0,
              ...(buyer.leg && seller.leg ? { legs: linkedLegs(e.qty, buyer.leg, seller.leg) } : {}),
            },
          });
          break;
        }
        case 'amended':
          out.push({
            type: 'OrderAmended',
            data: { orderId: e.id, instrument: symbol, price: e.price, qty: e.qty },
          });
          break;
        case 'cancelled':
          out.push({
            type: 'OrderCancelled',
            data: { orderId: e.id, instrument: symbol, qty: e.qty, reason: e.reason },
          });
          break;
        default:
          break;
      }
    }
    return out;
  }
}
