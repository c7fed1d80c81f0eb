import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { dayBounds } from '@app/clearing';
import { EventStore } from '@app/event-store';
import {
  effectiveFromMs,
  InstrumentCatalogue,
  type DerivedRuleChange,
  repeatEvery,
  type RepeatingTask,
} from '@app/platform';
import { CLOCK, Clock } from '../clock/clock';
import { BookRulesDispatcher } from '../instruments/book-rules-dispatcher';
import { PricingStandardLog } from './pricing-standard-log';
import { standardRuleChanges } from './standard-rule-changes';

/** Stream of `ClosingPricesPublished`, one event per day closed (again). */
export const END_OF_DAY_STREAM = 'end-of-day';

const REFRESH_MS = 1_000;

interface ClosingPricesPublished {
  type: 'ClosingPricesPublished';
  data: { date: string; prices: { instrument: string; price: number }[] };
}

/**
 * Puts what the exchange derives from the pricing standard and the closes into this process's
 * catalogue, and the books: from an adopted version's effective date its class tick and bands;
 * from the day after a close, the close as the reference price (the band centre). Both as dated
 * rule changes, so the order-entry check (`rulesAt`) and the matching worker's book (a
 * `ConfigureBook` command) follow the same rules.
 */
@Injectable()
export class StandardRulesSync implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(StandardRulesSync.name);
  private closesRead = 0;
  private ticking?: RepeatingTask;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly log: PricingStandardLog,
    private readonly catalogue: InstrumentCatalogue,
    private readonly books: BookRulesDispatcher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.tick();
    this.ticking = repeatEvery(
      REFRESH_MS,
      () => this.tick(),
      (error) => this.logger.warn(`pricing rules refresh failed: ${String(error)}`),
    );
  }

  /** Stops ticking and lets a tick under way finish before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.ticking?.stop();
  }

  /**
   * One refresh at a time, in call order: a caller that has just appended (an adoption, an end of
   * day) gets a refresh that starts after its append, never one already under way.
   */
  tick(): Promise<void> {
    const next = this.queue.catch(() => undefined).then(() => this.refreshAndDispatch());
    this.queue = next;
    return next;
  }

  private async refreshAndDispatch(): Promise<void> {
    await this.log.refresh();
    for (const v of Object.values(this.log.current().versions)) {
      if (v.adoptedFrom === undefined) continue;
      for (const instrument of this.catalogue.list())
        this.catalogue.applyDerived({
          id: `pricing-standard:${v.version}`,
          symbol: instrument.symbol,
          source: 'pricing-standard',
          effectiveFromMs: effectiveFromMs(v.adoptedFrom),
          changes: standardRuleChanges(v.document, instrument.kind).changes,
        });
    }
    const closes = await this.store.readStream<ClosingPricesPublished>(END_OF_DAY_STREAM, {
      fromVersion: this.closesRead + 1,
    });
    for (const event of closes) {
      if (event.type === 'ClosingPricesPublished') {
        const { date, prices } = event.data;
        for (const p of prices)
          if (this.catalogue.get(p.instrument))
            this.catalogue.applyDerived({
              id: `close:${date}#${event.streamVersion}`,
              symbol: p.instrument,
              source: 'closing-price',
              effectiveFromMs: dayBounds(date).end,
              changes: { referencePrice: p.price },
            });
      }
      this.closesRead = Math.max(this.closesRead, event.streamVersion);
    }
    const derived: DerivedRuleChange[] = this.catalogue
      .list()
      .flatMap((i) => this.catalogue.derivedOf(i.symbol));
    await this.books.dispatchDerived(derived, this.clock.now(), this.catalogue);
  }
}
