import { checkpointOf } from '../sql/rows';
import { START, type Checkpoint, type EventShape, type StoredEvent } from '../types';
import type { AppendNotifier } from './append-notifier';

export interface SubscribeOptions<E extends EventShape = EventShape> {
  /** Exclusive; defaults to the start of the log. */
  fromPosition?: Checkpoint;
  batchSize?: number;
  /** Fallback when no notification arrives (PGlite, lost connection). Default 250 ms. */
  pollIntervalMs?: number;
  /** Called with each batch in log order; the next batch waits for it. A throw stops the subscription. */
  handler: (events: StoredEvent<E>[]) => Promise<void> | void;
}

export interface Subscription {
  /** Checkpoint after the last batch the handler accepted. */
  readonly position: Checkpoint;
  /** Resolves when stopped; rejects with the handler's or a read's error. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

export type ReadBatch = (from: Checkpoint, batchSize: number) => Promise<StoredEvent[]>;

/** Reads history batch by batch, then waits for appends (notify or poll) and keeps reading. */
export class CatchUpSubscription<E extends EventShape = EventShape> implements Subscription {
  readonly done: Promise<void>;
  private current: Checkpoint;
  private stopped = false;

  constructor(
    private readonly read: ReadBatch,
    private readonly notifier: AppendNotifier,
    private readonly options: SubscribeOptions<E>,
  ) {
    this.current = options.fromPosition ?? START;
    this.done = this.run();
    this.done.catch(() => undefined);
  }

  get position(): Checkpoint {
    return this.current;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.notifier.wake();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    const pollIntervalMs = this.options.pollIntervalMs ?? 250;
    await this.notifier.start();
    while (!this.stopped) {
      const generation = this.notifier.generation;
      const batch = await this.read(this.current, batchSize);
      if (this.stopped) break;
      if (batch.length > 0) {
        await this.options.handler(batch as StoredEvent<E>[]);
        this.current = checkpointOf(batch[batch.length - 1]);
        if (batch.length === batchSize) continue;
      }
      await this.notifier.wait(generation, pollIntervalMs);
    }
  }
}
