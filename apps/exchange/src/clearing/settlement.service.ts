import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { releaseOrder, settleAmendment, settleTrade, type ClearingEvent } from '@app/clearing';
import type { BookEvent } from '@app/contracts';
import type { EventMetadata } from '@app/event-store';
import { ACCESS_FORBIDDEN } from '../books/command-access';
import { ClearingStore } from './clearing-store';
import { clearingStreamId } from './clearing-streams';

/** Engine rejections that are not about the order they name (its reservation stays). */
const REJECTIONS_KEEPING_THE_ORDER = new Set(['duplicate-id']);

/**
 * A command its worker refused for who sent it (`ACCESS.FORBIDDEN`) settles nothing: the order id
 * it names may be another member's live order, whose reservation must stay.
 */
const refusedForAccess = (e: BookEvent): boolean =>
  (e.type === 'OrderRejected' || e.type === 'AmendRejected' || e.type === 'BlockTradeRejected') &&
  e.data.reason === ACCESS_FORBIDDEN;

/**
 * Settles what the book just did, in the book worker's transaction: trades by delivery versus
 * payment, ended orders release what they held. If any of it fails, the book events roll back
 * with it, so a crash anywhere leaves cash and units conserved.
 */
@Injectable()
export class SettlementService {
  constructor(private readonly clearing: ClearingStore) {}

  async apply(
    events: readonly BookEvent[],
    manager: EntityManager,
    metadata: EventMetadata = {},
  ): Promise<void> {
    const orderIds = new Set<string>();
    for (const e of events) for (const id of orderIdsOf(e)) orderIds.add(id);
    if (orderIds.size === 0) return;
    // Owners' cash rows locked in id order first, as the gateway does: settlements of different
    // instruments that share members then queue instead of deadlocking.
    await this.clearing.lockOwners(manager, { orders: [...orderIds] });
    const ledger = await this.clearing.load(manager, { orders: [...orderIds], lock: true });
    const out: { stream: string; event: ClearingEvent }[] = [];
    for (const e of events) {
      const decided = clearingEventsOf(ledger, e);
      ledger.apply(decided);
      for (const event of decided) out.push({ stream: clearingStreamId(instrumentOf(e)), event });
    }
    await this.clearing.write(manager, ledger, out, metadata);
  }

  /**
   * Settles the events of several commands, in order, as {@link apply} one after the other would,
   * with one load (every owner's cash row locked in id order at once: locking per command would
   * deadlock against other writers) and one write; each clearing event keeps its command's metadata.
   */
  async applyAll(
    commands: readonly { events: readonly BookEvent[]; metadata: EventMetadata }[],
    manager: EntityManager,
  ): Promise<void> {
    const orderIds = new Set<string>();
    for (const c of commands) for (const e of c.events) for (const id of orderIdsOf(e)) orderIds.add(id);
    if (orderIds.size === 0) return;
    await this.clearing.lockOwners(manager, { orders: [...orderIds] });
    const ledger = await this.clearing.load(manager, { orders: [...orderIds], lock: true });
    const out: { stream: string; event: ClearingEvent; metadata: EventMetadata }[] = [];
    for (const { events, metadata } of commands)
      for (const e of events) {
        const decided = clearingEventsOf(ledger, e);
        ledger.apply(decided);
        for (const event of decided) out.push({ stream: clearingStreamId(instrumentOf(e)), event, metadata });
      }
    await this.clearing.write(manager, ledger, out);
  }
}

/** The clearing events of one book event (pure): what the book worker settles in its transaction. */
export function clearingEventsOf(ledger: Parameters<typeof settleTrade>[0], e: BookEvent): ClearingEvent[] {
  if (refusedForAccess(e)) return [];
  switch (e.type) {
    case 'TradeExecuted':
      return settleTrade(ledger, e.data);
    case 'OrderCancelled':
      return releaseOrder(ledger, e.data.orderId, e.data.reason);
    case 'OrderRejected':
      return REJECTIONS_KEEPING_THE_ORDER.has(e.data.reason)
        ? []
        : releaseOrder(ledger, e.data.orderId, `rejected:${e.data.reason}`);
    case 'OrderAmended':
      return settleAmendment(ledger, e.data.orderId, { price: e.data.price, openQty: e.data.qty }, 'amend');
    case 'AmendRejected': {
      const order = ledger.order(e.data.orderId);
      return order
        ? settleAmendment(
            ledger,
            order.orderId,
            { price: order.reservePrice, openQty: order.openQty },
            `amend-rejected:${e.data.reason}`,
          )
        : [];
    }
    case 'BlockTradeExecuted':
      return settleTrade(ledger, { ...e.data, tradeNo: 0, block: true, blockTradeId: e.data.tradeId });
    case 'BlockTradeRejected':
      return [
        ...releaseOrder(ledger, e.data.buyOrderId, `block-rejected:${e.data.reason}`),
        ...releaseOrder(ledger, e.data.sellOrderId, `block-rejected:${e.data.reason}`),
      ];
    default:
      return [];
  }
}

function orderIdsOf(e: BookEvent): string[] {
  if (refusedForAccess(e)) return [];
  switch (e.type) {
    case 'TradeExecuted':
      return [e.data.buyOrderId, e.data.sellOrderId];
    case 'OrderCancelled':
    case 'OrderRejected':
    case 'OrderAmended':
    case 'AmendRejected':
      return [e.data.orderId];
    case 'BlockTradeExecuted':
    case 'BlockTradeRejected':
      return [e.data.buyOrderId, e.data.sellOrderId];
    default:
      return [];
  }
}

function instrumentOf(e: BookEvent): string {
  return e.type === 'OrderAccepted' ? e.data.order.instrument : e.data.instrument;
}
