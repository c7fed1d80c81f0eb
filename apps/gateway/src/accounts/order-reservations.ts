import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { reserveForOrder, type ClearingEvent, type ClearingLedger, type FeeSchedule } from '@app/clearing';
import { DomainError } from '@app/domain';
import type { EventMetadata } from '@app/event-store';
import { bandBounds } from '@app/matching';
import { checkFreeAllocationSellLimit, type InstrumentDefinition } from '@app/platform';
import { ClearingStore } from '../../../exchange/src/clearing/clearing-store';
import { reservationStreamId } from '../../../exchange/src/clearing/clearing-streams';
import { FEE_SCHEDULE } from './fee-schedule';
import { FreeAllocations } from './free-allocations';

export interface OrderToReserve {
  orderId: string;
  account: string;
  side: 'buy' | 'sell';
  price?: number;
  qty: number;
  instrument: InstrumentDefinition;
  /** Metadata of this order's reservation events (else the call's). */
  metadata?: EventMetadata;
}

/**
 * Pre-trade risk for a set of orders in the caller's transaction: the members' cash rows are
 * locked (in id order, so concurrent batches cannot deadlock), each order is decided in turn on
 * what the ones before it left, and the accepted ones are written with one statement per table.
 * Returns, per order, null if reserved or the reason it was refused.
 */
@Injectable()
export class OrderReservations {
  constructor(
    private readonly clearing: ClearingStore,
    @Inject(FEE_SCHEDULE) private readonly fees: FeeSchedule,
    /** Without it (tests of other rules), the free-allocation sell limit is not checked. */
    @Optional() private readonly freeAllocations?: FreeAllocations,
  ) {}

  async reserve(
    manager: EntityManager,
    orders: readonly OrderToReserve[],
    metadata: EventMetadata = {},
  ): Promise<(DomainError | null)[]> {
    if (orders.length === 0) return [];
    const members = [...new Set(orders.map((o) => o.account))];
    // Locked before the load, not in it: a statement reads with the snapshot it started with, so
    // holdings read in the locking statement could predate the commit of the lock's last holder.
    await manager.query(
      'SELECT 1 FROM clearing_cash WHERE member_id = ANY($1::text[]) ORDER BY member_id FOR UPDATE',
      [members],
    );
    const ledger = await this.clearing.load(manager, {
      members,
      instruments: [...new Set(orders.map((o) => o.instrument.symbol))],
      lock: true,
    });
    const sold = await this.soldUnderSellLimit(manager, orders);
    const out: { stream: string; event: ClearingEvent; metadata?: EventMetadata }[] = [];
    const stream = reservationStreamId(orders[0].orderId);
    const results = orders.map((o) => {
      try {
        this.checkSellLimit(ledger, o, sold);
        const events = reserveForOrder(ledger, {
          orderId: o.orderId,
          member: o.account,
          instrument: o.instrument.symbol,
          side: o.side,
          price: o.price,
          qty: o.qty,
          bandHigh: bandBounds(o.instrument.referencePrice, o.instrument.bandBp, o.instrument.tick)[1],
          feeBp: o.side === 'buy' ? this.fees.buyerBp : this.fees.sellerBp,
        });
        ledger.apply(events);
        for (const event of events) out.push({ stream, event, metadata: o.metadata ?? metadata });
        return null;
      } catch (error) {
        if (error instanceof DomainError) return error;
        throw error;
      }
    });
    await this.clearing.write(manager, ledger, out, metadata);
    return results;
  }

  /** The sell orders Chongqing's free-allocation sell limit applies to (the instrument has it on). */
  private limited(o: OrderToReserve): boolean {
    return (
      o.side === 'sell' && o.instrument.freeAllocationSellLimit?.enabled === true && !!this.freeAllocations
    );
  }

  /**
   * Units each seller of a limited order has sold of its instrument (`clearing_sales`, kept by the
   * settlement's own statement), keyed `member\0instrument`. Read after the members' cash rows
   * are locked, so every settlement of theirs that committed before is counted. No query when no
   * order is limited: other instruments' order entry is unchanged.
   */
  private async soldUnderSellLimit(
    manager: EntityManager,
    orders: readonly OrderToReserve[],
  ): Promise<Map<string, number>> {
    const limited = orders.filter((o) => this.limited(o));
    if (limited.length === 0) return new Map();
    const rows: { member_id: string; instrument: string; sold: string }[] = await manager.query(
      `SELECT s.member_id, s.instrument, s.sold FROM clearing_sales s
         JOIN unnest($1::text[], $2::text[]) AS d(m, i) ON s.member_id = d.m AND s.instrument = d.i`,
      [limited.map((o) => o.account), limited.map((o) => o.instrument.symbol)],
    );
    return new Map(rows.map((r) => [`${r.member_id}\u0000${r.instrument}`, Number(r.sold)]));
  }

  /**
   * Chongqing's optional rule, where the instrument has it on: what a firm has sold plus what its
   * live sell orders offer may not exceed the share of its free allocation that may be sold. A
   * sell the firm cannot cover at all is left to INSUFFICIENT_UNITS.
   */
  private checkSellLimit(ledger: ClearingLedger, o: OrderToReserve, sold: ReadonlyMap<string, number>): void {
    const rule = o.instrument.freeAllocationSellLimit;
    if (!rule || !this.limited(o)) return;
    const freeAllocation = this.freeAllocations!.freeAllocationOf(o.account, o.instrument);
    if (freeAllocation <= 0) return;
    const holding = ledger.members.get(o.account)?.holdings.get(o.instrument.symbol);
    if ((holding?.available ?? 0) < o.qty) return;
    const refused = checkFreeAllocationSellLimit(
      rule,
      {
        freeAllocation,
        sold: sold.get(`${o.account}\u0000${o.instrument.symbol}`) ?? 0,
        reservedForSale: holding?.reserved ?? 0,
      },
      o.qty,
    );
    if (refused)
      throw new DomainError(
        refused.code,
        `qty must be at most ${refused.maxSellable}: of the ${freeAllocation} units allocated free, ` +
          `at most ${rule.maxShareBp / 100} % may be sold, counting units already sold and offered`,
        { field: 'qty', maxSellable: refused.maxSellable },
      );
  }
}
