import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { exchangeQueueFor, SERVICE_ACTORS, SetSessionMessage, type WithActor } from '@app/contracts';
import { Outbox, OutboxMessage } from '@app/messaging';
import {
  APP_CONFIG,
  AppConfig,
  InstrumentCatalogue,
  InstrumentDefinition,
  repeatEvery,
  type RepeatingTask,
} from '@app/platform';
import { CLOCK, Clock } from '../../../../gateway/src/clock/clock';
import { latestSessionBoundary, SessionBoundary } from './session-boundary';

/** How often the schedule is looked at; a boundary is acted on within this much of its minute. */
const TICK_MS = 1000;

/**
 * Drives every book's session from the catalogue's trading hours (`EXCHANGE_SESSIONS=scheduled`):
 * on each tick it works out the latest boundary per instrument on the injected clock and, when
 * that changed, sends `SetSession` through the outbox to the book's shard queue, so it is applied
 * in line with the orders by the book's single writer. The message id names (instrument, trading
 * day, boundary): every exchange process may send it, each boundary is applied once, and a worker
 * starting mid-day catches up with the latest boundary. `always-open` (the demo's default) sends
 * one `SetSession continuous` per instrument at start, which opens a book an earlier scheduled
 * run left closed and does nothing to an open one.
 */
@Injectable()
export class SessionScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SessionScheduler.name);
  private readonly sent = new Map<string, string>();
  private ticking?: RepeatingTask;
  private readonly startedAt: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly catalogue: InstrumentCatalogue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.startedAt = clock.now();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.tickSafely();
    if (this.config.EXCHANGE_SESSIONS !== 'scheduled') return;
    // tickSafely logs its own failures.
    this.ticking = repeatEvery(
      TICK_MS,
      () => this.tickSafely(),
      () => undefined,
    );
  }

  /** Stops ticking and lets a tick under way finish before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.ticking?.stop();
  }

  /** Sends the session each book should be in now, once per boundary; returns how many were sent. */
  async tick(): Promise<number> {
    const now = this.clock.now();
    const messages: OutboxMessage[] = [];
    const keys = new Map<string, string>();
    for (const instrument of this.catalogue.listAt(now)) {
      const boundary = this.boundaryFor(instrument, now);
      if (!boundary) continue;
      const key = `${boundary.tradingDay}:${boundary.at}:${boundary.session}`;
      if (this.sent.get(instrument.symbol) === key) continue;
      const payload: WithActor<SetSessionMessage> = {
        commandId: `session:${instrument.symbol}:${key}`,
        instrument: instrument.symbol,
        session: boundary.session,
        tradingDay: boundary.tradingDay,
        closesDay: boundary.closesDay,
        receivedAt: now,
        by: SERVICE_ACTORS.sessions,
      };
      messages.push({
        queue: exchangeQueueFor(instrument.symbol, this.config.EXCHANGE_SHARDS),
        name: 'SetSession',
        payload,
        messageId: payload.commandId,
      });
      keys.set(instrument.symbol, key);
    }
    if (messages.length === 0) return 0;
    await this.dataSource.transaction((manager) => this.outbox.enqueue(manager, messages));
    for (const [symbol, key] of keys) this.sent.set(symbol, key);
    return messages.length;
  }

  private boundaryFor(instrument: InstrumentDefinition, now: number): SessionBoundary | undefined {
    if (this.config.EXCHANGE_SESSIONS === 'scheduled') return latestSessionBoundary(instrument.hours, now);
    const tradingDay = new Date(now).toISOString().slice(0, 10);
    return { tradingDay, at: `always-open@${this.startedAt}`, session: 'continuous', closesDay: false };
  }

  private async tickSafely(): Promise<void> {
    try {
      await this.tick();
    } catch (error) {
      this.logger.warn(`session schedule not sent, retried next tick: ${(error as Error).message}`);
    }
  }
}
