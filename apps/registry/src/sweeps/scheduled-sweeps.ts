import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@app/platform';
import { CrossProvinceTransfers } from '../cross-province/cross-province-transfers';
import { RecognitionTimeouts } from '../recognition/saga/recognition-timeouts';
import { SWEEP_LOCK, type SweepLock } from './sweep-lock';

/** Recorded as the actor of what a scheduled sweep appends. */
export const SWEEP_ACTOR = 'registry:scheduled-sweep';

export interface SweepRound {
  /** Cross-province transfers past their approval window, expired (units unlocked). */
  readonly expired: readonly string[];
  /** Cross-province transfers that had departed (a crash between steps), finished. */
  readonly completed: readonly string[];
  /** Recognition sagas past their agreement's timeout, failed (the saga compensates them). */
  readonly timedOut: readonly string[];
}

/**
 * The registry's periodic sweeps, every `REGISTRY_SWEEP_INTERVAL_MS` (0: never): the cross-province
 * transfers' (`POST /cross-province-transfers/sweeps`) and the recognition timeouts'
 * (`POST /recognition/timeout-sweeps`); both decide by their injected clocks. One round at a time: the
 * next is scheduled when the last ended, a round asked for while one runs is skipped, and across
 * processes only the holder of the sweep lock sweeps. A sweep that fails is logged and tried next round;
 * it does not keep the other from running.
 */
@Injectable()
export class ScheduledSweeps implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ScheduledSweeps.name);
  private readonly intervalMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SweepRound | undefined> | undefined;
  private stopped = false;

  constructor(
    private readonly transfers: CrossProvinceTransfers,
    private readonly timeouts: RecognitionTimeouts,
    @Inject(SWEEP_LOCK) private readonly lock: SweepLock,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'REGISTRY_SWEEP_INTERVAL_MS'>,
  ) {
    this.intervalMs = config.REGISTRY_SWEEP_INTERVAL_MS;
  }

  onApplicationBootstrap(): void {
    if (this.intervalMs > 0) this.scheduleNext();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One round now; `undefined` when a round is already running here or another process holds the lock. */
  runOnce(): Promise<SweepRound | undefined> {
    if (this.running) return Promise.resolve(undefined);
    const round = this.lock
      .whileHeld(() => this.sweepBoth())
      .catch((error: unknown) => {
        this.logger.warn(`sweep lock: ${(error as Error).message}`);
        return undefined;
      })
      .finally(() => (this.running = undefined));
    this.running = round;
    return round;
  }

  private scheduleNext(): void {
    this.timer = setTimeout(() => {
      void this.runOnce().finally(() => {
        if (!this.stopped) this.scheduleNext();
      });
    }, this.intervalMs);
    this.timer.unref();
  }

  private async sweepBoth(): Promise<SweepRound> {
    const transfers = await this.attempt('cross-province transfers', () => this.transfers.sweep(SWEEP_ACTOR));
    const timedOut = await this.attempt('recognition timeouts', () => this.timeouts.sweep());
    const round = {
      expired: transfers?.expired ?? [],
      completed: transfers?.completed ?? [],
      timedOut: timedOut ?? [],
    };
    if (round.expired.length + round.completed.length + round.timedOut.length > 0)
      this.logger.log(`swept: ${JSON.stringify(round)}`);
    return round;
  }

  private async attempt<T>(what: string, sweep: () => Promise<T>): Promise<T | undefined> {
    try {
      return await sweep();
    } catch (error) {
      this.logger.warn(`${what} sweep failed (next round retries): ${(error as Error).message}`);
      return undefined;
    }
  }
}
