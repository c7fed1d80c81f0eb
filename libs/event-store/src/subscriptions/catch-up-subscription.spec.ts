import type { DataSource } from 'typeorm';
import type { Checkpoint, StoredEvent } from '../types';
import { AppendNotifier } from './append-notifier';
import { CatchUpSubscription } from './catch-up-subscription';

const event = (p: number): StoredEvent => ({
  globalPosition: p,
  transactionId: 10 + p,
  streamId: 's',
  streamVersion: p,
  type: 'T',
  data: null,
  metadata: {},
  recordedAt: new Date(0),
});

/** An in-memory log: read returns events after the checkpoint, like READ_ALL_SQL. */
function memoryLog() {
  const log: StoredEvent[] = [];
  const reads: Checkpoint[] = [];
  const read = async (from: Checkpoint, size: number) => {
    reads.push(from);
    return log.filter((e) => e.transactionId > from.transactionId).slice(0, size);
  };
  return { log, reads, read };
}

const noDb = {} as DataSource;
const until = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 2));
  expect(check()).toBe(true);
};

describe('CatchUpSubscription', () => {
  it('catches up in batches, then wakes on append instead of waiting for the poll', async () => {
    const { log, read } = memoryLog();
    log.push(event(1), event(2), event(3));
    const notifier = new AppendNotifier(noDb, false);
    const batches: number[][] = [];
    const sub = new CatchUpSubscription(read, notifier, {
      batchSize: 2,
      pollIntervalMs: 60_000,
      handler: (events) => {
        batches.push(events.map((e) => e.globalPosition));
      },
    });
    await until(() => batches.length === 2);
    log.push(event(4));
    notifier.wake();
    await until(() => batches.length === 3);
    await sub.stop();
    expect(batches).toEqual([[1, 2], [3], [4]]);
    expect(sub.position).toEqual({ transactionId: 14, globalPosition: 4 });
  });

  it('polls when nothing wakes it', async () => {
    const { log, read } = memoryLog();
    const seen: number[] = [];
    const sub = new CatchUpSubscription(read, new AppendNotifier(noDb, false), {
      pollIntervalMs: 5,
      handler: (events) => {
        seen.push(...events.map((e) => e.globalPosition));
      },
    });
    log.push(event(1));
    await until(() => seen.length === 1);
    await sub.stop();
  });

  it('does not advance past a batch whose handler failed', async () => {
    const { log, read } = memoryLog();
    log.push(event(1));
    const sub = new CatchUpSubscription(read, new AppendNotifier(noDb, false), {
      handler: () => Promise.reject(new Error('nope')),
    });
    await expect(sub.done).rejects.toThrow('nope');
    expect(sub.position).toEqual({ transactionId: 0, globalPosition: 0 });
  });
});

describe('AppendNotifier', () => {
  it('returns at once when a wake happened since the given generation (no lost wake-ups)', async () => {
    const notifier = new AppendNotifier(noDb, false);
    const before = notifier.generation;
    notifier.wake();
    const started = Date.now();
    await notifier.wait(before, 60_000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(notifier.listening).toBe(false);
  });
});
