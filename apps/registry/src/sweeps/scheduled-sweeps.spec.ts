import { jest } from '@jest/globals';
import type { CrossProvinceTransfers } from '../cross-province/cross-province-transfers';
import type { RecognitionTimeouts } from '../recognition/saga/recognition-timeouts';
import { ScheduledSweeps, SWEEP_ACTOR } from './scheduled-sweeps';
import type { SweepLock } from './sweep-lock';

const held: SweepLock = { whileHeld: (work) => work() };
const taken: SweepLock = { whileHeld: () => Promise.resolve(undefined) };

function sweepsWith(options: {
  lock?: SweepLock;
  intervalMs?: number;
  transfers?: () => Promise<{ expired: string[]; completed: string[] }>;
  timeouts?: () => Promise<string[]>;
}) {
  const transferSweep = jest.fn(
    options.transfers ?? (() => Promise.resolve({ expired: ['xp-1'], completed: [] })),
  );
  const timeoutSweep = jest.fn(options.timeouts ?? (() => Promise.resolve(['r-1'])));
  const sweeps = new ScheduledSweeps(
    { sweep: transferSweep } as unknown as CrossProvinceTransfers,
    { sweep: timeoutSweep } as unknown as RecognitionTimeouts,
    options.lock ?? held,
    { REGISTRY_SWEEP_INTERVAL_MS: options.intervalMs ?? 1_000 },
  );
  return { sweeps, transferSweep, timeoutSweep };
}

describe('the registry’s scheduled sweeps', () => {
  afterEach(() => jest.useRealTimers());

  it('runs both sweeps in a round, as the scheduler', async () => {
    const { sweeps, transferSweep } = sweepsWith({});
    await expect(sweeps.runOnce()).resolves.toEqual({ expired: ['xp-1'], completed: [], timedOut: ['r-1'] });
    expect(transferSweep).toHaveBeenCalledWith(SWEEP_ACTOR);
  });

  it('skips a round while another process holds the lock', async () => {
    const { sweeps, transferSweep, timeoutSweep } = sweepsWith({ lock: taken });
    await expect(sweeps.runOnce()).resolves.toBeUndefined();
    expect(transferSweep).not.toHaveBeenCalled();
    expect(timeoutSweep).not.toHaveBeenCalled();
  });

  it('runs one round at a time in a process', async () => {
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const { sweeps, transferSweep } = sweepsWith({
      transfers: () => gate.then(() => ({ expired: [], completed: [] })),
    });
    const first = sweeps.runOnce();
    await expect(sweeps.runOnce()).resolves.toBeUndefined();
    finish();
    await expect(first).resolves.toEqual({ expired: [], completed: [], timedOut: ['r-1'] });
    await sweeps.runOnce();
    expect(transferSweep).toHaveBeenCalledTimes(2);
  });

  it('a failing sweep does not keep the other from running', async () => {
    const { sweeps, timeoutSweep } = sweepsWith({ transfers: () => Promise.reject(new Error('db down')) });
    await expect(sweeps.runOnce()).resolves.toEqual({ expired: [], completed: [], timedOut: ['r-1'] });
    expect(timeoutSweep).toHaveBeenCalledTimes(1);
  });

  it('sweeps every interval once started, the next round after the last ended, and stops at shutdown', async () => {
    jest.useFakeTimers();
    const { sweeps, timeoutSweep } = sweepsWith({ intervalMs: 1_000 });
    sweeps.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(999);
    expect(timeoutSweep).toHaveBeenCalledTimes(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(timeoutSweep).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(2_000);
    expect(timeoutSweep).toHaveBeenCalledTimes(3);
    await sweeps.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(timeoutSweep).toHaveBeenCalledTimes(3);
  });

  it('never sweeps on its own with an interval of 0', async () => {
    jest.useFakeTimers();
    const { sweeps, timeoutSweep } = sweepsWith({ intervalMs: 0 });
    sweeps.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(timeoutSweep).not.toHaveBeenCalled();
  });
});
