import type { DataSource } from 'typeorm';
import { PgWakeSignal } from '@app/platform/database/pg-wake-signal';

/** Wakes the relay early when outbox rows commit (NOTIFY on `channel`, or polling). */
export class WakeSignal extends PgWakeSignal {
  constructor(dataSource: DataSource, channel: string) {
    super(dataSource, channel);
  }

  listen(): Promise<void> {
    return this.start();
  }
}
