import type { DataSource } from 'typeorm';
import { PgWakeSignal } from '@app/platform/database/pg-wake-signal';
import { EVENT_STORE_CHANNEL } from '../schema/event-store-schema.migration';

/**
 * Wakes the store's readers when events may have been committed (NOTIFY on append, or polling).
 * Once the store is closed it never listens again: a late reader must not open a connection.
 */
export class AppendNotifier extends PgWakeSignal {
  private closed = false;

  constructor(dataSource: DataSource, listen: boolean) {
    super(dataSource, EVENT_STORE_CHANNEL, listen);
  }

  override start(): Promise<void> {
    return this.closed ? Promise.resolve() : super.start();
  }

  override close(): Promise<void> {
    this.closed = true;
    return super.close();
  }
}
