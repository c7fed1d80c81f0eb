import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, isEmbedded } from '@app/platform';
import type { OrderCandidate } from './order-candidate';
import { OrderEntry, type OrderOutcome } from './order-entry';

/** An order that could not be entered even alone (a server error): nothing of it was written. */
export interface NotEntered {
  status: 'failed';
  error: unknown;
}

/** The orders of one request: kept together, in their order, in one group. */
interface Waiting {
  orders: readonly OrderCandidate[];
  settle(outcomes: (OrderOutcome | NotEntered)[]): void;
}

export interface GroupCommitOptions {
  /** Transactions open at once (default: a quarter of the pool, 1 or 2; 1 when embedded). */
  maxInFlight: number;
  /** Most orders in one transaction. */
  maxGroup: number;
}

/**
 * Two groups at once: one can claim its keys while the other holds the members' cash rows and
 * commits. More would mostly queue on those row locks (every group touches the busy members) and
 * make smaller groups. PGlite has one connection.
 */
export const groupCommitOptions = (config: AppConfig): GroupCommitOptions => ({
  maxInFlight: isEmbedded(config) ? 1 : Math.min(2, Math.max(1, Math.floor(config.DATABASE_POOL_SIZE / 4))),
  maxGroup: 1000,
});

/**
 * Group commit for orders, single or batched: orders arriving while earlier groups are in their
 * transaction wait, then go in together, in one transaction of a handful of set-based statements
 * ({@link OrderEntry}), and each request is answered once its group has committed. So an
 * acknowledgement is as durable as before, each order is still decided alone (a refused one
 * reserves nothing and does not affect the others), and the cost of a commit is shared.
 *
 * An unexpected failure of a group (a lost connection, a deadlock) is retried one order at a
 * time, so only the orders that fail on their own are answered with the error. A request whose
 * key is in a group not yet committed (or in one waiting before it) waits for it, and is then
 * answered as a resend or a key conflict.
 */
@Injectable()
export class OrderGroupCommit implements BeforeApplicationShutdown {
  private readonly waiting: Waiting[] = [];
  private readonly options: GroupCommitOptions;
  private inFlight = 0;
  /** Keys of the groups in their transaction: a request with one of them waits for that commit. */
  private readonly keysInFlight = new Set<string>();
  private scheduled = false;
  private idle: (() => void) | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly entry: OrderEntry,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.options = groupCommitOptions(config);
  }

  /**
   * Resolves once the order's group has committed: received (or found under its key) or refused
   * with the reason. Rejects only if the order could not be entered even alone (a server error).
   */
  async submit(order: OrderCandidate): Promise<OrderOutcome> {
    const [outcome] = await this.submitAll([order]);
    if (outcome.status === 'failed') throw outcome.error;
    return outcome;
  }

  /**
   * The orders of one request (distinct keys, at most `maxGroup`), decided in their order in the
   * same group; one outcome per order.
   */
  submitAll(orders: readonly OrderCandidate[]): Promise<(OrderOutcome | NotEntered)[]> {
    if (orders.length === 0) return Promise.resolve([]);
    return new Promise((settle) => {
      this.waiting.push({ orders, settle });
      this.schedule();
    });
  }

  /** Answers the orders already taken in before the database goes away. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.inFlight === 0 && this.waiting.length === 0) return;
    await new Promise<void>((resolve) => (this.idle = resolve));
  }

  /** Requests read in the same turn of the event loop join the same group. */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.waiting.length > 0 && this.inFlight < this.options.maxInFlight) {
      const group = this.takeGroup();
      if (group.length === 0) return;
      const keys = group.flatMap((w) => w.orders.map((o) => o.orderId));
      for (const key of keys) this.keysInFlight.add(key);
      this.inFlight++;
      void this.commit(group).finally(() => {
        for (const key of keys) this.keysInFlight.delete(key);
        this.inFlight--;
        if (this.waiting.length > 0) this.drain();
        else if (this.inFlight === 0) this.idle?.();
      });
    }
  }

  /**
   * The oldest waiting requests that fit, with at most one order per key and none whose key is in
   * a group still in its transaction; the rest keep their place, and a request behind one left
   * waiting with a key in common waits too (per key, first come first decided).
   */
  private takeGroup(): Waiting[] {
    const group: Waiting[] = [];
    const keys = new Set<string>();
    const blocked = new Set<string>();
    let size = 0;
    let kept = 0;
    for (const w of this.waiting) {
      const fits = size === 0 || size + w.orders.length <= this.options.maxGroup;
      const held = (id: string) => keys.has(id) || blocked.has(id) || this.keysInFlight.has(id);
      if (fits && !w.orders.some((o) => held(o.orderId))) {
        for (const o of w.orders) keys.add(o.orderId);
        size += w.orders.length;
        group.push(w);
      } else {
        for (const o of w.orders) blocked.add(o.orderId);
        this.waiting[kept++] = w;
      }
    }
    this.waiting.length = kept;
    return group;
  }

  private async commit(group: readonly Waiting[]): Promise<void> {
    const orders = group.flatMap((w) => w.orders);
    let outcomes: (OrderOutcome | NotEntered)[];
    try {
      outcomes = await this.dataSource.transaction((manager) => this.entry.enter(manager, orders));
    } catch (error) {
      outcomes = orders.length === 1 ? [{ status: 'failed', error }] : await this.oneByOne(orders);
    }
    let at = 0;
    for (const w of group) {
      w.settle(outcomes.slice(at, at + w.orders.length));
      at += w.orders.length;
    }
  }

  /** After a group failed: each order in a transaction of its own, so only a failing one fails. */
  private async oneByOne(orders: readonly OrderCandidate[]): Promise<(OrderOutcome | NotEntered)[]> {
    const outcomes: (OrderOutcome | NotEntered)[] = [];
    for (const order of orders) {
      try {
        const [outcome] = await this.dataSource.transaction((manager) => this.entry.enter(manager, [order]));
        outcomes.push(outcome);
      } catch (error) {
        outcomes.push({ status: 'failed', error });
      }
    }
    return outcomes;
  }
}
