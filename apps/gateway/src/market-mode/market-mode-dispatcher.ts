import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { exchangeQueueFor, SERVICE_ACTORS, type SetMarketModeMessage } from '@app/contracts';
import { linkableAllowance, linkedMembers } from '@app/domain';
import { Outbox } from '@app/messaging';
import { APP_CONFIG, AppConfig, InstrumentCatalogue, repeatEvery, type RepeatingTask } from '@app/platform';
import { marketDayOf, marketModeOn } from '@app/recognition';
import { CLOCK, Clock } from '../clock/clock';
import { MarketModeLog } from './market-mode-log';

/** How often a process looks for a decision that has come into force. */
const TICK_MS = 1_000;

/**
 * Sends the mode in force to the books once its effective day has come: one `SetMarketMode` per
 * vintage listed in both provinces, to the shard that owns the vintage's three books. Every
 * gateway may send it; the outbox (message id) and the worker (decision version) apply it once.
 */
@Injectable()
export class MarketModeDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MarketModeDispatcher.name);
  private sentVersion?: string;
  private ticking?: RepeatingTask;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly log: MarketModeLog,
    private readonly catalogue: InstrumentCatalogue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dispatchDue();
    this.ticking = repeatEvery(
      TICK_MS,
      () => this.dispatchDue(),
      (error) => this.logger.warn(`market mode dispatch failed: ${String(error)}`),
    );
  }

  /** Stops ticking and lets a tick under way finish before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.ticking?.stop();
  }

  /** Sends the decision in force now if this process has not yet; returns how many books it told. */
  async dispatchDue(): Promise<number> {
    const { state } = await this.log.read();
    const now = this.clock.now();
    const inForce = marketModeOn(state, marketDayOf(now));
    if (inForce.version === undefined || inForce.version === this.sentVersion) return 0;
    const messages = this.linkableVintages().map((vintage): SetMarketModeMessage => {
      const instrument = `LINKED-EA-${vintage}`;
      return {
        commandId: `market-mode:${inForce.version}:${instrument}`,
        instrument,
        version: inForce.version as string,
        mode: inForce.mode,
        exchangeRatio: inForce.exchangeRatio,
        effectiveFrom: inForce.effectiveFrom as string,
        receivedAt: now,
      };
    });
    await this.dataSource.transaction((manager) =>
      this.outbox.enqueue(
        manager,
        messages.map((m) => ({
          queue: exchangeQueueFor(m.instrument, this.config.EXCHANGE_SHARDS),
          name: 'SetMarketMode',
          payload: { ...m, by: SERVICE_ACTORS.marketMode },
          messageId: m.commandId,
        })),
      ),
    );
    this.sentVersion = inForce.version;
    return messages.length;
  }

  /** Vintages whose allowances both provinces list: each has a linked book. */
  private linkableVintages(): number[] {
    const vintages = new Set<number>();
    for (const i of this.catalogue.list()) {
      const a = linkableAllowance(i.symbol);
      if (a && linkedMembers(a.vintage).every((s) => this.catalogue.get(s))) vintages.add(a.vintage);
    }
    return [...vintages].sort();
  }
}
