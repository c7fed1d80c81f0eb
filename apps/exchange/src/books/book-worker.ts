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
  commandsInMessage,
  EXCHANGE_QUEUE_PREFIX,
  ExchangeCommandMessage,
  ReportBlockTradeMessage,
  shardOf,
} from '@app/contracts';
import { EventMetadata, EventStore, NewEvent } from '@app/event-store';
import {
  ConsumerHandle,
  idempotentBatchHandler,
  idempotentHandler,
  MESSAGE_TRANSPORT,
  MessageTransport,
  TransportMessage,
} from '@app/messaging';
import { isLinkedBook } from '@app/domain';
import { APP_CONFIG, AppConfig, InstrumentCatalogue } from '@app/platform';
import { ShardOwnership } from '../sharding/shard-ownership';
import { AmendmentCover } from '../clearing/amendment-cover';
import { CommandAccess, refusedEvents } from './command-access';
import { ClearingStore } from '../clearing/clearing-store';
import { SettlementService } from '../clearing/settlement.service';
import { BookCache } from './book-cache';
import { BookSnapshotter } from './book-snapshotter';
import { InstrumentBook } from './instrument-book';
import { MarketLinkage, type BookDecision } from './linked/market-linkage';
import { outsideBlockWindow } from './sessions/block-window';

/** Commands of one shard applied in one transaction when they are already waiting in its queue. */
const COMMANDS_PER_TRANSACTION = 200;

/**
 * The single writer of each book: one consumer per owned shard queue, its messages in queue
 * order. The commands waiting in the queue (up to {@link COMMANDS_PER_TRANSACTION}) are applied
 * one after the other in one transaction: their book events, settlement and dedupe records commit
 * together, so one commit serves many commands under load and the events are those of applying
 * them one at a time. If the batch fails, each command is retried on its own. A command
 * delivered twice is applied once. Should two workers ever write one book (a lease lost while a
 * command was in flight), the stream version refuses the second append and the book is reloaded.
 */
@Injectable()
export class BookWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(BookWorker.name);
  private readonly consumers = new Map<number, ConsumerHandle>();
  private readonly applyOnce: (message: TransportMessage) => Promise<void>;
  private readonly applyAllOnce: (messages: readonly TransportMessage[]) => Promise<void>;
  private readonly access: CommandAccess;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly books: BookCache,
    private readonly snapshots: BookSnapshotter,
    private readonly ownership: ShardOwnership,
    private readonly settlement: SettlementService,
    private readonly clearing: ClearingStore,
    @Inject(MESSAGE_TRANSPORT) private readonly transport: MessageTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly catalogue: InstrumentCatalogue,
    private readonly linkage: MarketLinkage,
  ) {
    this.access = new CommandAccess({ enforce: config.AUTH_ENFORCE === 'on' });
    this.applyOnce = idempotentHandler(this.dataSource, 'exchange-book-worker', (message, manager) =>
      this.applyAll(commandsInMessage(message), manager),
    );
    this.applyAllOnce = idempotentBatchHandler(this.dataSource, 'exchange-book-worker', (messages, manager) =>
      this.applyAll(messages.flatMap(commandsInMessage), manager),
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
      {
        concurrency: 1,
        batch: { max: COMMANDS_PER_TRANSACTION, handler: (messages) => this.handleAll(messages) },
        // A command in flight on a worker that died is taken up again within ~15 s, not ~60 s.
        stalledAfterMs: 10_000,
      },
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
    const instruments = booksTouchedBy([message]);
    try {
      await this.applyOnce(message);
    } catch (error) {
      // The in-memory books may hold changes that did not commit: rebuild them from the store.
      for (const instrument of instruments) this.books.evict(instrument);
      this.logger.warn(`command ${message.id} failed and will be retried: ${(error as Error).message}`);
      throw error;
    }
    for (const instrument of instruments) {
      const book = this.books.peek(instrument);
      if (book) this.snapshots.saveIfDue(book);
    }
  }

  private async handleAll(messages: readonly TransportMessage[]): Promise<void> {
    const instruments = booksTouchedBy(messages);
    try {
      await this.applyAllOnce(messages);
    } catch (error) {
      // Books may hold changes that did not commit; the transport retries each command on its own.
      for (const instrument of instruments) this.books.evict(instrument);
      throw error;
    }
    for (const instrument of instruments) {
      const book = this.books.peek(instrument);
      if (book) this.snapshots.saveIfDue(book);
    }
  }

  /** With scheduled sessions, block trades are taken only inside the instrument's block windows. */
  private blockWindowRefusal(m: ReportBlockTradeMessage): BookEvent[] | undefined {
    if (this.config.EXCHANGE_SESSIONS !== 'scheduled') return undefined;
    const rules = this.catalogue.rulesAt(m.instrument, m.receivedAt);
    return rules ? outsideBlockWindow(m, rules.hours) : undefined;
  }

  /**
   * Applies the commands in order: each to its book in memory, then one append per book of all
   * its events (each event with its command's metadata) and one settlement of them all, so a
   * batch costs a handful of statements whatever its size.
   */
  private async applyAll(commands: readonly ExchangeCommandMessage[], manager: EntityManager): Promise<void> {
    const decided: { book: InstrumentBook; events: BookEvent[]; metadata: EventMetadata }[] = [];
    const cover = await AmendmentCover.load(
      this.clearing,
      manager,
      commands.flatMap((c) => (c.name === 'AmendOrder' ? [c.payload.orderId] : [])),
    );
    const owners = await this.ownersOfOrdersIn(commands, manager);
    for (const command of commands) {
      const { commandId } = command.payload;
      // Checked before any book sees it: who the command acts for may do it (docs/security.md).
      const refused = this.access.refusal(command, (orderId) => owners.get(orderId));
      if (refused !== undefined) {
        const refusal = await this.refusal(command, refused, manager);
        if (refusal) decided.push({ ...refusal, metadata: { commandId, causationId: commandId } });
        continue;
      }
      const routed: BookDecision[] = (await this.linkage.route(command, manager)) ?? [
        await this.ownBook(command, manager, cover),
      ];
      for (const { book, events } of routed)
        if (events.length > 0)
          decided.push({ book, events, metadata: { commandId, causationId: commandId } });
    }
    const byBook = new Map<InstrumentBook, NewEvent[]>();
    for (const { book, events, metadata } of decided) {
      const list = byBook.get(book) ?? [];
      for (const e of events) list.push({ ...e, metadata });
      byBook.set(book, list);
    }
    for (const [book, events] of byBook) {
      const result = await this.store.append(bookStreamId(book.instrument.symbol), book.version, events, {
        manager,
      });
      book.version = result.nextVersion;
    }
    await this.settlement.applyAll(decided, manager);
  }

  /**
   * The owners of the orders an enterprise's cancels and amendments name, for their access check
   * (one statement, only when there are such commands). An order with no row has ended or never was.
   */
  private async ownersOfOrdersIn(
    commands: readonly ExchangeCommandMessage[],
    manager: EntityManager,
  ): Promise<Map<string, string>> {
    const ids = commands.flatMap((c) =>
      (c.name === 'CancelOrder' || c.name === 'AmendOrder') && c.by?.role === 'enterprise'
        ? [c.payload.orderId]
        : [],
    );
    if (ids.length === 0) return new Map();
    const rows: { order_id: string; member_id: string }[] = await manager.query(
      'SELECT order_id, member_id FROM clearing_orders WHERE order_id = ANY($1::text[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.order_id, r.member_id]));
  }

  /**
   * A refused command: its rejection recorded in its instrument's book (no book is changed, nothing
   * is reserved or released), or, for a service command or an instrument no book is kept for,
   * only a warning. The queue goes on either way.
   */
  private async refusal(
    command: ExchangeCommandMessage,
    reason: string,
    manager: EntityManager,
  ): Promise<{ book: InstrumentBook; events: BookEvent[] } | undefined> {
    const { commandId, instrument } = command.payload;
    this.logger.warn(`command ${commandId} refused (ACCESS.FORBIDDEN): ${reason}`);
    const events = refusedEvents(command, reason);
    if (events.length === 0) return undefined;
    if (typeof instrument !== 'string' || (!this.catalogue.get(instrument) && !isLinkedBook(instrument)))
      return undefined;
    return { book: await this.books.get(instrument, manager), events };
  }

  private async ownBook(
    command: ExchangeCommandMessage,
    manager: EntityManager,
    cover: AmendmentCover,
  ): Promise<BookDecision> {
    const book = await this.books.get(command.payload.instrument, manager);
    if (command.name !== 'AmendOrder') return { book, events: this.decide(book, command) };
    const { orderId } = command.payload;
    const openBefore = book.remainingQty(orderId);
    const events = book.amend(command.payload, cover.shortfallOf(orderId));
    cover.answered(orderId, events, openBefore);
    return { book, events };
  }

  private decide(book: InstrumentBook, command: ExchangeCommandMessage): BookEvent[] {
    if (command.name === 'SetMarketMode') return [];
    return command.name === 'PlaceOrder'
      ? book.placeNew(command.payload)
      : command.name === 'ReportBlockTrade'
        ? (this.blockWindowRefusal(command.payload) ?? book.reportBlock(command.payload))
        : command.name === 'SetSession'
          ? book.setSession(command.payload)
          : command.name === 'ConfigureBook'
            ? book.configure(command.payload)
            : command.name === 'CancelOrder'
              ? book.cancel(command.payload.orderId)
              : [];
  }
}

/** The books (with their linked ones) the commands of these messages may change. */
function booksTouchedBy(messages: readonly TransportMessage[]): Set<string> {
  const instruments = new Set<string>();
  for (const command of messages.flatMap(commandsInMessage)) {
    const instrument = (command.payload as { instrument?: string }).instrument;
    if (instrument) for (const symbol of MarketLinkage.groupOf(instrument)) instruments.add(symbol);
  }
  return instruments;
}
