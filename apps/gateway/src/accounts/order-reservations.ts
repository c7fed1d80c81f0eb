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
    const out: { stream: string; event: ClearingEvent; metadata?: EventMetadata }[] = [];
    const stream = reservationStreamId(orders[0].orderId);
    const results = orders.map((o) => {
      try {
        this.checkSellLimit(ledger, o);
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

  /**
   * Chongqing's optional rule, where the instrument has it on: a firm keeps the unsellable share
   * of what it was allocated free. Only units on the exchange count as kept (conservative: units
   * still in the firm's registry account are not seen here). A sell the firm cannot cover at all
   * is left to INSUFFICIENT_UNITS.
   */
  private checkSellLimit(ledger: ClearingLedger, o: OrderToReserve): void {
    const rule = o.instrument.freeAllocationSellLimit;
    if (o.side !== 'sell' || !rule?.enabled || !this.freeAllocations) return;
    const freeAllocation = this.freeAllocations.freeAllocationOf(o.account, o.instrument);
    if (freeAllocation <= 0) return;
    const holding = ledger.members.get(o.account)?.holdings.get(o.instrument.symbol);
    const available = holding?.available ?? 0;
    const reserved = holding?.reserved ?? 0;
    if (available < o.qty) return;
    const refused = checkFreeAllocationSellLimit(
      rule,
      { freeAllocation, held: available + reserved, reservedForSale: reserved },
      o.qty,
    );
    if (refused)
      throw new DomainError(
        refused.code,
        `qty must be at most ${refused.maxSellable}: of the ${freeAllocation} units allocated free, ` +
          `at most ${rule.maxShareBp / 100} % may be sold`,
        { field: 'qty', maxSellable: refused.maxSellable },
      );
  }
}
