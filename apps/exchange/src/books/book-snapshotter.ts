import { Inject, Injectable, Logger } from '@nestjs/common';
import { bookStreamId } from '@app/contracts';
import { EventStore } from '@app/event-store';
import { APP_CONFIG, AppConfig } from '@app/platform';
import type { InstrumentBook } from './instrument-book';

/**
 * Saves a book's snapshot once `EXCHANGE_SNAPSHOT_EVERY` events were appended since the last one.
 * Called right after the command's transaction committed: the state is captured at once (the next
 * command of the shard waits for us), the write runs beside the queue so no order pays for it. A
 * lost snapshot costs only a longer replay; the event store never lets an older one win.
 */
@Injectable()
export class BookSnapshotter {
  private readonly logger = new Logger(BookSnapshotter.name);
  private readonly writing = new Map<string, Promise<void>>();

  constructor(
    private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  saveIfDue(book: InstrumentBook): void {
    const symbol = book.instrument.symbol;
    if (book.version - book.snapshotVersion < this.config.EXCHANGE_SNAPSHOT_EVERY) return;
    if (this.writing.has(symbol)) return;
    const previous = book.snapshotVersion;
    const snapshot = book.snapshot();
    book.snapshotVersion = snapshot.version;
    const write = this.store
      .saveSnapshot(bookStreamId(symbol), snapshot.version, snapshot)
      .catch((error: unknown) => {
        book.snapshotVersion = previous;
        this.logger.warn(`snapshot of ${symbol} at ${snapshot.version} not saved: ${String(error)}`);
      })
      .finally(() => this.writing.delete(symbol));
    this.writing.set(symbol, write);
  }

  /** Waits for the snapshots being written (before shutdown, or in tests). */
  async flush(): Promise<void> {
    await Promise.all([...this.writing.values()]);
  }
}
