import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, isEmbedded } from '@app/platform';
import type { OrderCandidate } from './order-candidate';
import { OrderEntry, type OrderOutcome } from './order-entry';

interface Waiting {
  order: OrderCandidate;
  settle(outcome: OrderOutcome | { status: 'failed'; error: unknown }): void;
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
  maxGroup: 500,
});

/**
 * Group commit for single orders: orders arriving while earlier groups are in their transaction
 * wait, then go in together, in one transaction of a handful of set-based statements
 * ({@link OrderEntry}), and each request is answered once its group has committed. So an
 * acknowledgement is as durable as before, each order is still decided alone (a refused one
 * reserves nothing and does not affect the others), and the cost of a commit is shared.
 *
 * An unexpected failure of a group (a lost connection, a deadlock) is retried one order at a
 * time, so only the orders that fail on their own are answered with the error. Two requests with
 * the same key never share a group: the later one goes in the next and is answered as a resend.
 */
@Injectable()
export class OrderGroupCommit implements BeforeApplicationShutdown {
  private readonly waiting: Waiting[] = [];
  private readonly options: GroupCommitOptions;
  private inFlight = 0;
  private scheduled = false;
  private idle: (() => void) | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly entry: OrderEntry,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.options = groupCommitOptions(config);
  }

  /** Resolves once the order is committed (or found under its key), rejects with why it was refused. */
  submit(order: OrderCandidate): Promise<OrderOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({
        order,
        settle: (outcome) => (outcome.status === 'failed' ? reject(outcome.error) : resolve(outcome)),
      });
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
      this.inFlight++;
      void this.commit(group).finally(() => {
        this.inFlight--;
        if (this.waiting.length > 0) this.drain();
        else if (this.inFlight === 0) this.idle?.();
      });
    }
  }

  /** The oldest waiting orders, at most one per key; the rest keep their place. */
  private takeGroup(): Waiting[] {
    const group: Waiting[] = [];
    const keys = new Set<string>();
    let kept = 0;
    for (const w of this.waiting) {
      if (group.length < this.options.maxGroup && !keys.has(w.order.orderId)) {
        keys.add(w.order.orderId);
        group.push(w);
      } else this.waiting[kept++] = w;
    }
    this.waiting.length = kept;
    return group;
  }

  private async commit(group: readonly Waiting[]): Promise<void> {
    let outcomes: OrderOutcome[];
    try {
      outcomes = await this.dataSource.transaction((manager) =>
        this.entry.enter(
          manager,
          group.map((w) => w.order),
        ),
      );
    } catch (error) {
      if (group.length === 1) return group[0].settle({ status: 'failed', error });
      for (const w of group) await this.commit([w]);
      return;
    }
    group.forEach((w, i) => w.settle(outcomes[i]));
  }
}
