import type {
  BatchHandler,
  ConsumeOptions,
  ConsumerHandle,
  MessageHandler,
  MessageTransport,
  MessagingLog,
  TransportMessage,
} from './message-transport';

export interface InProcessTransportOptions {
  /** Tries per message before it is dropped and reported (default 5). */
  attempts?: number;
  /** First retry delay; doubles on each retry (default 10 ms). */
  backoffMs?: number;
  log?: MessagingLog;
}

interface Consumer {
  readonly handler: MessageHandler;
  readonly concurrency: number;
  readonly batch: { max: number; handler: BatchHandler } | undefined;
  active: number;
  closed: boolean;
  readonly settled: Set<() => void>;
}

interface QueueState {
  readonly waiting: TransportMessage[];
  /** Ids waiting or in flight: publishing one of them again is a no-op, as with a BullMQ job id. */
  readonly ids: Set<string>;
  readonly consumers: Consumer[];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The transport without Redis, for the embedded mode and the simulator: delivery is
 * asynchronous, in publish order per queue, with at most `concurrency` messages in flight per
 * consumer. A failed message is retried in place, so with concurrency 1 it still holds back the
 * messages behind it: a queue's order survives failures.
 */
export class InProcessTransport implements MessageTransport {
  private readonly queues = new Map<string, QueueState>();
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly log: MessagingLog;
  private scheduled = false;
  private closed = false;
  private inFlight = 0;
  private readonly idleWaiters = new Set<() => void>();

  constructor(options: InProcessTransportOptions = {}) {
    this.attempts = Math.max(1, options.attempts ?? 5);
    this.backoffMs = options.backoffMs ?? 10;
    this.log = options.log ?? ((message) => console.warn(message));
  }

  publish(queue: string, message: TransportMessage): Promise<void> {
    return this.publishBatch(queue, [message]);
  }

  async publishBatch(queue: string, messages: readonly TransportMessage[]): Promise<void> {
    if (this.closed) throw new Error('InProcessTransport is closed');
    const state = this.queue(queue);
    for (const message of messages) {
      if (state.ids.has(message.id)) continue;
      state.ids.add(message.id);
      state.waiting.push({ id: message.id, name: message.name, payload: message.payload });
    }
    this.schedule();
  }

  async consume(queue: string, handler: MessageHandler, options: ConsumeOptions): Promise<ConsumerHandle> {
    if (this.closed) throw new Error('InProcessTransport is closed');
    const consumer: Consumer = {
      handler,
      concurrency: Math.max(1, Math.floor(options.concurrency)),
      batch: options.concurrency <= 1 && options.batch && options.batch.max > 1 ? options.batch : undefined,
      active: 0,
      closed: false,
      settled: new Set(),
    };
    const state = this.queue(queue);
    state.consumers.push(consumer);
    this.schedule();
    return {
      close: async () => {
        consumer.closed = true;
        const index = state.consumers.indexOf(consumer);
        if (index >= 0) state.consumers.splice(index, 1);
        while (consumer.active > 0) await new Promise<void>((resolve) => consumer.settled.add(resolve));
        this.checkIdle();
      },
    };
  }

  /** Resolves once every queue that has a consumer is empty and nothing is in flight. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.add(resolve));
  }

  /** Messages waiting in a queue (not counting those in flight). */
  waitingCount(queue: string): number {
    return this.queues.get(queue)?.waiting.length ?? 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    const consumers = [...this.queues.values()].flatMap((state) => state.consumers);
    await Promise.all(
      consumers.map(async (consumer) => {
        consumer.closed = true;
        while (consumer.active > 0) await new Promise<void>((resolve) => consumer.settled.add(resolve));
      }),
    );
    this.queues.clear();
    this.checkIdle();
  }

  private queue(name: string): QueueState {
    let state = this.queues.get(name);
    if (!state) {
      state = { waiting: [], ids: new Set(), consumers: [] };
      this.queues.set(name, state);
    }
    return state;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      for (const state of this.queues.values()) this.pump(state);
    });
  }

  private pump(state: QueueState): void {
    for (const consumer of state.consumers) {
      while (!consumer.closed && consumer.active < consumer.concurrency && state.waiting.length > 0) {
        consumer.active++;
        this.inFlight++;
        if (consumer.batch && state.waiting.length > 1) {
          void this.deliverBatch(state, consumer, state.waiting.splice(0, consumer.batch.max));
        } else {
          void this.deliver(state, consumer, state.waiting.shift() as TransportMessage);
        }
      }
    }
    this.checkIdle();
  }

  /** Several waiting messages at once; if that fails, each in order on its own (with retries). */
  private async deliverBatch(
    state: QueueState,
    consumer: Consumer,
    messages: readonly TransportMessage[],
  ): Promise<void> {
    try {
      await (consumer.batch as { handler: BatchHandler }).handler(messages);
      for (const message of messages) state.ids.delete(message.id);
    } catch (error) {
      this.log(`batch of ${messages.length} failed, one at a time: ${describe(error)}`);
      for (const [i, message] of messages.entries()) {
        if (consumer.closed) {
          state.waiting.unshift(...messages.slice(i));
          break;
        }
        if ((await this.attempt(state, consumer, message)) === 'requeued') {
          state.waiting.splice(1, 0, ...messages.slice(i + 1));
          break;
        }
      }
    } finally {
      this.settle(state, consumer);
    }
  }

  private async deliver(state: QueueState, consumer: Consumer, message: TransportMessage): Promise<void> {
    try {
      await this.attempt(state, consumer, message);
    } finally {
      this.settle(state, consumer);
    }
  }

  private settle(state: QueueState, consumer: Consumer): void {
    consumer.active--;
    this.inFlight--;
    for (const resolve of consumer.settled) resolve();
    consumer.settled.clear();
    this.pump(state);
  }

  /** Handles one message with retries; 'requeued' when the consumer closed and it went back first in line. */
  private async attempt(
    state: QueueState,
    consumer: Consumer,
    message: TransportMessage,
  ): Promise<'done' | 'requeued'> {
    for (let attempt = 1; ; attempt++) {
      try {
        await consumer.handler(message);
        state.ids.delete(message.id);
        return 'done';
      } catch (error) {
        if (attempt >= this.attempts) {
          state.ids.delete(message.id);
          this.log(`message ${message.id} dropped after ${attempt} attempts: ${describe(error)}`);
          return 'done';
        }
        if (consumer.closed) {
          // Someone else (or a later consumer) takes it, still ahead of what followed it.
          state.waiting.unshift(message);
          return 'requeued';
        }
        this.log(`message ${message.id} failed (attempt ${attempt}), retrying: ${describe(error)}`);
        await sleep(this.backoffMs * 2 ** (attempt - 1));
      }
    }
  }

  private isIdle(): boolean {
    if (this.inFlight > 0) return false;
    for (const state of this.queues.values()) {
      if (state.waiting.length > 0 && state.consumers.length > 0) return false;
    }
    return true;
  }

  private checkIdle(): void {
    if (this.idleWaiters.size === 0 || this.scheduled || !this.isIdle()) return;
    for (const resolve of this.idleWaiters) resolve();
    this.idleWaiters.clear();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
