import type { DataSource } from 'typeorm';
import type { Outbox } from '@app/messaging';
import type { AppConfig, InstrumentCatalogue } from '@app/platform';
import { initialMarketModeState } from '@app/recognition';
import type { Clock } from '../clock/clock';
import { MarketModeDispatcher } from './market-mode-dispatcher';
import type { MarketModeLog } from './market-mode-log';

describe('MarketModeDispatcher shutdown', () => {
  afterEach(() => jest.useRealTimers());

  it('waits for a tick under way before the database closes, and starts no tick after', async () => {
    jest.useFakeTimers();
    const reads: (() => void)[] = [];
    const log = {
      read: () => new Promise((resolve) => reads.push(() => resolve({ state: initialMarketModeState }))),
    } as unknown as MarketModeLog;
    const dispatcher = new MarketModeDispatcher(
      {} as DataSource,
      {} as Outbox,
      log,
      { list: () => [] } as unknown as InstrumentCatalogue,
      { now: () => Date.parse('2026-11-25T00:00:00Z') } as Clock,
      { EXCHANGE_SHARDS: 4 } as AppConfig,
    );
    const booted = dispatcher.onApplicationBootstrap();
    reads.shift()!();
    await booted;
    jest.advanceTimersByTime(1000);
    jest.advanceTimersByTime(1000); // the first tick is still reading: no second one
    expect(reads).toHaveLength(1);
    let closed = false;
    const shutdown = dispatcher.beforeApplicationShutdown().then(() => (closed = true));
    await Promise.resolve();
    expect(closed).toBe(false);
    reads.shift()!();
    await shutdown;
    expect(closed).toBe(true);
    jest.advanceTimersByTime(5000);
    expect(reads).toHaveLength(0);
  });
});
