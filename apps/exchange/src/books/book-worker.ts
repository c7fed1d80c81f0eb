import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  BookEvent,
  bookStreamId,
  EXCHANGE_QUEUE_PREFIX,
  ExchangeCommandMessage,
  ReportBlockTradeMessage,
  shardOf,
} from '@app/contracts';
import { EventStore } from '@app/event-store';
import {
  ConsumerHandle,
  idempotentHandler,
  MESSAGE_TRANSPORT,
  MessageTransport,
  TransportMessage,
} from '@app/messaging';
import { APP_CONFIG, AppConfig, InstrumentCatalogue } from '@app/platform';
import { ShardOwnership } from '../sharding/shard-ownership';
import { SettlementService } from '../clearing/settlement.service';
import { BookCache } from './book-cache';
import { BookSnapshotter } from './book-snapshotter';
import { outsideBlockWindow } from './sessions/block-window';

/**
 * The single writer of each book: one consumer per owned shard queue, one message at a time. The
 * book's events, the dedupe record of the command and nothing else commit together; a command
 * delivered twice is applied once. Should two workers ever write one book (a lease lost while a
 * command was in flight), the stream version refuses the second append and the book is reloaded.
 */
@Injectable()
export class BookWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BookWorker.name);
  private readonly consumers = new Map<number, ConsumerHandle>();
  private readonly applyOnce: (message: TransportMessage) => Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly books: BookCache,
    private readonly snapshots: BookSnapshotter,
    private readonly ownership: ShardOwnership,
    private readonly settlement: SettlementService,
    @Inject(MESSAGE_TRANSPORT) private readonly transport: MessageTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly catalogue: InstrumentCatalogue,
  ) {
    this.applyOnce = idempotentHandler(this.dataSource, 'exchange-book-worker', (message, manager) =>
      this.apply(message as unknown as ExchangeCommandMessage, manager),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ownership.start({
      acquired: (shard) => this.startShard(shard),
      released: (shard) => this.stopShard(shard),
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.ownership.stop();
    await this.snapshots.flush();
  }

  /** A shard just taken: its books are read afresh (snapshot + tail) before its first command. */
  private async startShard(shard: number): Promise<void> {
    this.forgetBooksOf(shard);
    const handle = await this.transport.consume(
      `${EXCHANGE_QUEUE_PREFIX}${shard}`,
      (message) => this.handle(message),
      { concurrency: 1 },
    );
    this.consumers.set(shard, handle);
  }

  private async stopShard(shard: number): Promise<void> {
    const handle = this.consumers.get(shard);
    this.consumers.delete(shard);
    await handle?.close();
    this.forgetBooksOf(shard);
  }

  private forgetBooksOf(shard: number): void {
    this.books.evictWhere((symbol) => shardOf(symbol, this.config.EXCHANGE_SHARDS) === shard);
  }

  private async handle(message: TransportMessage): Promise<void> {
    const instrument = (message.payload as { instrument?: string }).instrument;
    try {
      await this.applyOnce(message);
    } catch (error) {
      // The in-memory book may hold changes that did not commit: rebuild it from the store.
      if (instrument) this.books.evict(instrument);
      this.logger.warn(`command ${message.id} failed and will be retried: ${(error as Error).message}`);
      throw error;
    }
    const book = instrument ? this.books.peek(instrument) : undefined;
    if (book) this.snapshots.saveIfDue(book);
  }

  /** With scheduled sessions, block trades are taken only inside the instrument's block windows. */
  private blockWindowRefusal(m: ReportBlockTradeMessage): BookEvent[] | undefined {
    if (this.config.EXCHANGE_SESSIONS !== 'scheduled') return undefined;
    const rules = this.catalogue.rulesAt(m.instrument, m.receivedAt);
    return rules ? outsideBlockWindow(m, rules.hours) : undefined;
  }

  private async apply(command: ExchangeCommandMessage, manager: EntityManager): Promise<void> {
    const { instrument, commandId } = command.payload;
    const book = await this.books.get(instrument, manager);
    const events =
      command.name === 'PlaceOrder'
        ? book.place(command.payload)
        : command.name === 'AmendOrder'
          ? book.amend(command.payload)
          : command.name === 'ReportBlockTrade'
            ? (this.blockWindowRefusal(command.payload) ?? book.block(command.payload))
            : command.name === 'SetSession'
              ? book.setSession(command.payload)
              : command.name === 'ConfigureBook'
                ? book.configure(command.payload)
                : book.cancel(command.payload.orderId);
    if (events.length === 0) return;
    const result = await this.store.append(
      bookStreamId(instrument),
      book.version,
      events.map((e) => ({ ...e, metadata: { commandId, causationId: commandId } })),
      { manager },
    );
    await this.settlement.apply(events, manager, { commandId, causationId: commandId });
    book.version = result.nextVersion;
  }
}
