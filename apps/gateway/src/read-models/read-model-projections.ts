import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore, ProjectionRunner } from '@app/event-store';
import { BarsProjection } from '../market-data/bars/bars.projection';
import { OrdersProjection } from '../orders/order-status/orders.projection';
import { TradesProjection } from '../trades/trades.projection';

/** Keeps the gateway's read models caught up with the event log while the app runs. */
@Injectable()
export class ReadModelProjections implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReadModelProjections.name);
  readonly runner: ProjectionRunner;

  constructor(dataSource: DataSource, store: EventStore) {
    this.runner = new ProjectionRunner(
      dataSource,
      store,
      [new TradesProjection(), new OrdersProjection(), new BarsProjection()],
      {
        onError: (name, error) => this.logger.error(`projection ${name} failed, retrying: ${String(error)}`),
      },
    );
  }

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
