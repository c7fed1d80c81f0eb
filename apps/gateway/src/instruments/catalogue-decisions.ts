import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CATALOGUE_STREAM, CatalogueEvent } from '@app/contracts';
import { EventStore } from '@app/event-store';
import { InstrumentCatalogue, repeatEvery, type RepeatingTask } from '@app/platform';
import { CLOCK, Clock } from '../clock/clock';
import { BookRulesDispatcher } from './book-rules-dispatcher';

/** How often a process looks for decisions recorded by another process. */
const REFRESH_MS = 1_000;

/**
 * Keeps this process's catalogue in step with the regulator's decisions: reads the `catalogue`
 * stream at start, then every second for decisions another gateway recorded, and sends the
 * books each decision that has come into force.
 */
@Injectable()
export class CatalogueDecisions implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CatalogueDecisions.name);
  private version = 0;
  private ticking?: RepeatingTask;

  constructor(
    private readonly store: EventStore,
    private readonly catalogue: InstrumentCatalogue,
    private readonly books: BookRulesDispatcher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.tick();
    this.ticking = repeatEvery(
      REFRESH_MS,
      () => this.tick(),
      (error) => this.logger.warn(`catalogue refresh failed: ${String(error)}`),
    );
  }

  /** Stops ticking and lets a tick under way finish before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.ticking?.stop();
  }

  /** Reads new decisions, and sends the books those now in force. */
  async tick(): Promise<void> {
    await this.refresh();
    await this.dispatchDue();
  }

  async dispatchDue(): Promise<number> {
    const decisions = this.catalogue.list().flatMap((i) => this.catalogue.decisionsOf(i.symbol));
    return this.books.dispatchDue(decisions, this.clock.now());
  }

  /** Applies decisions not seen yet; returns the stream version read up to. */
  async refresh(manager?: EntityManager): Promise<number> {
    const events = await this.store.readStream<CatalogueEvent>(CATALOGUE_STREAM, {
      fromVersion: this.version + 1,
      manager,
    });
    for (const event of events) {
      if (event.type === 'InstrumentRulesChanged') this.catalogue.apply(event.data);
      this.version = Math.max(this.version, event.streamVersion);
    }
    return this.version;
  }
}
