import type { EntityManager } from 'typeorm';
import type { Projection, StoredEvent } from '@app/event-store';
import { BarsProjection } from '../market-data/bars/bars.projection';
import { OrdersProjection } from '../orders/order-status/orders.projection';
import { TradesProjection } from '../trades/trades.projection';

/**
 * The gateway's read models (trades, orders and so depth, bars) as one projection: one read of
 * the log, one transaction and one checkpoint per batch instead of one each, which under load
 * is most of the database work they cost.
 */
export class GatewayReadModels implements Projection {
  readonly name = 'gateway-read-models';
  private readonly parts = [new TradesProjection(), new OrdersProjection(), new BarsProjection()];

  async handle(events: StoredEvent[], manager: EntityManager): Promise<void> {
    // Rows and checkpoint commit together, and the log is the truth: a commit lost in a crash is
    // simply applied again, so it need not wait for the disk.
    await manager.query('SET LOCAL synchronous_commit = off');
    for (const part of this.parts) await part.handle(events, manager);
  }

  async reset(manager: EntityManager): Promise<void> {
    for (const part of this.parts) await part.reset(manager);
  }
}
