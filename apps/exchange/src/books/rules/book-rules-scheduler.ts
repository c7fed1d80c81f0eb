import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CATALOGUE_STREAM,
  CatalogueEvent,
  ConfigureBookMessage,
  exchangeQueueFor,
  InstrumentRulesChangedData,
} from '@app/contracts';
import { EventStore } from '@app/event-store';
import { Outbox } from '@app/messaging';
import { APP_CONFIG, AppConfig, InstrumentCatalogue } from '@app/platform';
import { CLOCK, Clock } from '../../../../gateway/src/clock/clock';

const TICK_MS = 1000;
const BOOK_RULES = [
  'referencePrice',
  'bandBp',
  'blockBandBp',
  'blockMinQty',
  'maxOrderQty',
  'tick',
  'lot',
] as const;

/**
 * Brings a regulator's dated decisions (the `catalogue` stream) to the books: this process's
 * catalogue learns each decision at once (so the session schedule follows new hours), and once
 * its effective time has come on the injected clock, `ConfigureBook` goes through the outbox to the
 * book's shard queue, in line with the orders. Its id names the decision: sent by any number of
 * processes, applied once.
 */
@Injectable()
export class BookRulesScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BookRulesScheduler.name);
  private readonly pending: InstrumentRulesChangedData[] = [];
  private version = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly outbox: Outbox,
    private readonly catalogue: InstrumentCatalogue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.tickSafely();
    this.timer = setInterval(() => void this.tickSafely(), TICK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Reads new decisions and sends those now in force; returns how many were sent. */
  async tick(): Promise<number> {
    for (const event of await this.store.readStream<CatalogueEvent>(CATALOGUE_STREAM, {
      fromVersion: this.version + 1,
    })) {
      this.version = event.streamVersion;
      if (event.type !== 'InstrumentRulesChanged') continue;
      this.catalogue.apply(event.data);
      this.pending.push(event.data);
    }
    const now = this.clock.now();
    const due = this.pending.filter((d) => d.effectiveFromMs <= now);
    const messages = due.flatMap((decision) => {
      const changes = Object.fromEntries(
        BOOK_RULES.filter((k) => decision.changes[k] !== undefined).map((k) => [k, decision.changes[k]]),
      ) as ConfigureBookMessage['changes'];
      if (Object.keys(changes).length === 0) return [];
      const payload: ConfigureBookMessage = {
        commandId: `configure:${decision.symbol}:${decision.decisionId}`,
        instrument: decision.symbol,
        decisionId: decision.decisionId,
        effectiveFromMs: decision.effectiveFromMs,
        changes,
        receivedAt: now,
      };
      const queue = exchangeQueueFor(decision.symbol, this.config.EXCHANGE_SHARDS);
      return [{ queue, name: 'ConfigureBook', payload, messageId: payload.commandId }];
    });
    if (messages.length > 0)
      await this.dataSource.transaction((manager) => this.outbox.enqueue(manager, messages));
    for (const decision of due) this.pending.splice(this.pending.indexOf(decision), 1);
    return messages.length;
  }

  private async tickSafely(): Promise<void> {
    try {
      await this.tick();
    } catch (error) {
      this.logger.warn(
        `regulator decisions not sent to the books, retried next tick: ${(error as Error).message}`,
      );
    }
  }
}
