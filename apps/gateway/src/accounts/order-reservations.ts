import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { reserveForOrder, type ClearingEvent, type FeeSchedule } from '@app/clearing';
import { DomainError } from '@app/domain';
import type { EventMetadata } from '@app/event-store';
import { bandBounds } from '@app/matching';
import type { InstrumentDefinition } from '@app/platform';
import { ClearingStore } from '../../../exchange/src/clearing/clearing-store';
import { reservationStreamId } from '../../../exchange/src/clearing/clearing-streams';
import { FEE_SCHEDULE } from './fee-schedule';

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
}
