import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, isEmbedded } from '@app/platform';
import { PgShardLeases } from './pg-shard-leases';
import { planShards } from './plan-shards';

export interface ShardHandlers {
  /** The shard is ours: load its books afresh and start consuming its queue. */
  acquired(shard: number): Promise<void>;
  /** The shard is no longer (or soon no longer) ours: stop consuming and forget its books. */
  released(shard: number): Promise<void>;
}

/**
 * Which shards this worker consumes. On PostgreSQL every worker polls the leases: it takes free
 * shards up to an even share and gives back the ones above it, so survivors pick up the shards
 * of a dead worker within one poll. Embedded (one process, one connection) it owns every shard
 * and takes no locks. A shard's consumer is always stopped before its lease is let go.
 */
@Injectable()
export class ShardOwnership {
  private readonly logger = new Logger(ShardOwnership.name);
  private readonly mine = new Set<number>();
  private handlers: ShardHandlers | undefined;
  private leases: PgShardLeases | undefined;
  private serial: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Shards this worker consumes now, ascending. */
  get owned(): number[] {
    return [...this.mine].sort((a, b) => a - b);
  }

  async start(handlers: ShardHandlers): Promise<void> {
    this.handlers = handlers;
    this.running = true;
    if (isEmbedded(this.config)) {
      for (let shard = 0; shard < this.config.EXCHANGE_SHARDS; shard++) await this.take(shard);
      return;
    }
    await this.inTurn(() => this.rebalance());
    this.schedule();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.inTurn(async () => {
      await this.dropAll();
      await this.leases?.close();
      this.leases = undefined;
    });
  }

  private schedule(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      void this.inTurn(() => this.rebalance()).finally(() => this.schedule());
    }, this.config.EXCHANGE_SHARD_POLL_MS);
  }

  /** Rounds, lost connections and shutdown never interleave. */
  private inTurn(work: () => Promise<void>): Promise<void> {
    const next = this.serial.then(work, work);
    this.serial = next.catch(() => undefined);
    return next;
  }

  private async rebalance(): Promise<void> {
    if (!this.running) return;
    try {
      const leases = await this.connectedLeases();
      const held = await leases.heldShards();
      const all = Array.from({ length: this.config.EXCHANGE_SHARDS }, (_, shard) => shard);
      const plan = planShards({
        shards: all.length,
        mine: this.owned,
        free: all.filter((shard) => !held.has(shard)),
        liveWorkers: await leases.liveWorkers(),
      });
      for (const shard of plan.release) {
        await this.drop(shard);
        await leases.release(shard);
      }
      for (const shard of plan.take) {
        if (!(await leases.tryAcquire(shard))) continue;
        try {
          await this.take(shard);
        } catch (error) {
          await this.drop(shard);
          await leases.release(shard);
          throw error;
        }
      }
    } catch (error) {
      this.logger.warn(`shard leases: ${(error as Error).message}; giving up every shard until reconnected`);
      await this.dropAll();
      await this.leases?.close();
      this.leases = undefined;
    }
  }

  private async connectedLeases(): Promise<PgShardLeases> {
    if (this.leases) return this.leases;
    const leases = new PgShardLeases(this.config.DATABASE_URL!, this.config.QUEUE_PREFIX, (error) =>
      this.lost(leases, error),
    );
    await leases.connect();
    this.leases = leases;
    return leases;
  }

  /** The server has let go of our locks: another worker may own our shards already. */
  private lost(leases: PgShardLeases, error: Error): void {
    this.logger.warn(`shard lease connection lost (${error.message}); stopping every shard`);
    void this.inTurn(async () => {
      if (this.leases !== leases) return;
      this.leases = undefined;
      await this.dropAll();
    });
  }

  private async take(shard: number): Promise<void> {
    this.mine.add(shard);
    await this.handlers!.acquired(shard);
    this.logger.log(`shard ${shard} acquired; owned now [${this.owned.join(', ')}]`);
  }

  private async drop(shard: number): Promise<void> {
    if (!this.mine.delete(shard)) return;
    await this.handlers!.released(shard);
    this.logger.log(`shard ${shard} released; owned now [${this.owned.join(', ')}]`);
  }

  private async dropAll(): Promise<void> {
    for (const shard of this.owned) {
      try {
        await this.drop(shard);
      } catch (error) {
        this.logger.warn(`shard ${shard} did not stop cleanly: ${(error as Error).message}`);
      }
    }
  }
}
