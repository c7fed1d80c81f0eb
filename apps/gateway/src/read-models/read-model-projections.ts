import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore, ProjectionRunner } from '@app/event-store';
import { GatewayReadModels } from './gateway-read-models.projection';

const BATCH = 1000;
/** Under load, wait this long after a partial batch so the next one is bigger (fewer commits). */
const GATHER_MS = 20;

/** Keeps the gateway's read models caught up with the event log while the app runs. */
@Injectable()
export class ReadModelProjections implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReadModelProjections.name);
  private readonly projection = new GatewayReadModels();
  readonly runner: ProjectionRunner;
  private running = false;
  private loop?: Promise<void>;

  constructor(
    dataSource: DataSource,
    private readonly store: EventStore,
  ) {
    this.runner = new ProjectionRunner(dataSource, store, [this.projection], { batchSize: BATCH });
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.follow();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.store.wakeWaiters();
    await this.loop;
  }

  private async follow(): Promise<void> {
    while (this.running) {
      const generation = this.store.appendGeneration;
      let applied = 0;
      try {
        applied = await this.runner.runBatch(this.projection.name);
      } catch (error) {
        this.logger.error(`read models failed, retrying: ${String(error)}`);
      }
      if (applied === BATCH) continue;
      if (applied > 0) await new Promise((resolve) => setTimeout(resolve, GATHER_MS));
      // Then only once something was appended since this batch began (at once if it was already):
      // a batch that would find nothing is a transaction of four statements for nothing.
      if (this.running) await this.store.waitForAppend(generation, 250);
    }
  }
}
