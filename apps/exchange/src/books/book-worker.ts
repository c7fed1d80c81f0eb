import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { allExchangeQueues, bookStreamId, ExchangeCommandMessage } from '@app/contracts';
import { EventStore } from '@app/event-store';
import {
  ConsumerHandle,
  idempotentHandler,
  MESSAGE_TRANSPORT,
  MessageTransport,
  TransportMessage,
} from '@app/messaging';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { BookCache } from './book-cache';
import { BookSnapshotter } from './book-snapshotter';

/**
 * The single writer of each book: one consumer per shard queue, one message at a time. The
 * book's events, the dedupe record of the command and nothing else commit together; a command
 * delivered twice is applied once.
 */
@Injectable()
export class BookWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BookWorker.name);
  private readonly consumers: ConsumerHandle[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly books: BookCache,
    private readonly snapshots: BookSnapshotter,
    @Inject(MESSAGE_TRANSPORT) private readonly transport: MessageTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const apply = idempotentHandler(this.dataSource, 'exchange-book-worker', (message, manager) =>
      this.apply(message as unknown as ExchangeCommandMessage, manager),
    );
    for (const queue of allExchangeQueues(this.config.EXCHANGE_SHARDS)) {
      const handle = await this.transport.consume(
        queue,
        async (message: TransportMessage) => {
          const instrument = (message.payload as { instrument?: string }).instrument;
          try {
            await apply(message);
          } catch (error) {
            // The in-memory book may hold changes that did not commit: rebuild it from the store.
            if (instrument) this.books.evict(instrument);
            this.logger.warn(`command ${message.id} failed and will be retried: ${(error as Error).message}`);
            throw error;
          }
          const book = instrument ? this.books.peek(instrument) : undefined;
          if (book) this.snapshots.saveIfDue(book);
        },
        { concurrency: 1 },
      );
      this.consumers.push(handle);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.splice(0).map((c) => c.close()));
    await this.snapshots.flush();
  }

  private async apply(command: ExchangeCommandMessage, manager: EntityManager): Promise<void> {
    const { instrument, commandId } = command.payload;
    const book = await this.books.get(instrument, manager);
    const events =
      command.name === 'PlaceOrder' ? book.place(command.payload) : book.cancel(command.payload.orderId);
    if (events.length === 0) return;
    const result = await this.store.append(
      bookStreamId(instrument),
      book.version,
      events.map((e) => ({ ...e, metadata: { commandId, causationId: commandId } })),
      { manager },
    );
    book.version = result.nextVersion;
  }
}
