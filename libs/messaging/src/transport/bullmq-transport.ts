import { Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { toJobId } from './bullmq-job-id';
import { signMessage, verifyMessage } from './message-signature';
import type {
  BatchHandler,
  ConsumeOptions,
  ConsumerHandle,
  MessageHandler,
  MessageTransport,
  MessagingLog,
  TransportMessage,
} from './message-transport';

export interface BullMqTransportOptions {
  redisUrl: string;
  /** Namespaces every key (default `bull`); hash-tag it (`{exchange}`) on Redis Cluster. */
  prefix?: string;
  /** Tries per message (default 10). */
  attempts?: number;
  /** First retry delay, doubled each retry (default 500 ms). */
  backoffMs?: number;
  /**
   * Tries inside one job run before BullMQ's own retry (default 3, 50 ms apart, doubling). A
   * BullMQ retry moves the job to `delayed` and lets the jobs behind it pass; retrying in place
   * first keeps a shard's order through transient failures.
   */
  inlineAttempts?: number;
  /** Completed jobs kept (so their ids keep deduping re-sends) before Redis trims them (default 10 000). */
  keepCompleted?: number;
  /**
   * Set (`queueSigningKey` of the services' shared secret): every message published is signed and
   * every message consumed must be, or it fails at once, unhandled and not retried. Unset: neither.
   */
  signingKey?: Buffer;
  log?: MessagingLog;
}

/** BullMQ's default hold on a job a worker took. */
const DEFAULT_LOCK_MS = 30_000;

/** What a job carries: the message id survives the job-id encoding unchanged. */
interface JobData {
  id: string;
  payload: unknown;
  /** With a signing key: HMAC of the queue, name, id and payload (`signMessage`). */
  sig?: string;
}

/**
 * Queues on Redis through BullMQ. The job id is derived from the message id, so re-publishing a
 * message Redis still holds is a no-op; one lost (Redis flushed or failed over) is added afresh.
 */
/** Job states from which BullMQ will still hand the job to a worker. */
const DELIVERABLE = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

export class BullMqTransport implements MessageTransport {
  private readonly producer: Redis;
  private readonly queues = new Map<string, Queue<JobData>>();
  private readonly workers = new Set<Worker<JobData>>();
  private readonly log: MessagingLog;

  constructor(private readonly options: BullMqTransportOptions) {
    // Producers fail fast when Redis is down (the outbox keeps the message); workers wait forever.
    this.producer = new Redis(options.redisUrl, { maxRetriesPerRequest: 3 });
    this.log = options.log ?? ((message) => console.warn(message));
    this.producer.on('error', (error: Error) => this.log(`redis producer: ${error.message}`));
  }

  publish(queue: string, message: TransportMessage): Promise<void> {
    return this.publishBatch(queue, [message]);
  }

  async publishBatch(queue: string, messages: readonly TransportMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.queue(queue).addBulk(
      messages.map((message) => ({
        name: message.name,
        data: {
          id: message.id,
          payload: message.payload,
          ...(this.options.signingKey ? { sig: signMessage(this.options.signingKey, queue, message) } : {}),
        },
        opts: { jobId: toJobId(message.id) },
      })),
    );
  }

  async consume(queue: string, handler: MessageHandler, options: ConsumeOptions): Promise<ConsumerHandle> {
    const batch =
      options.concurrency <= 1 && options.batch && options.batch.max > 1 ? options.batch : undefined;
    const lockMs = options.stalledAfterMs ?? DEFAULT_LOCK_MS;
    const worker: Worker<JobData> = new Worker<JobData>(
      queue,
      async (job: Job<JobData>, token?: string) =>
        batch && token
          ? this.runBatch(worker, token, job, handler, batch, lockMs)
          : this.runInPlace(handler, this.messageOf(job)),
      {
        connection: { url: this.options.redisUrl, maxRetriesPerRequest: null },
        prefix: this.options.prefix,
        concurrency: Math.max(1, Math.floor(options.concurrency)),
        lockDuration: lockMs,
        // Any live worker of the queue checks for stalled jobs this often.
        stalledInterval: Math.max(500, Math.floor(lockMs / 2)),
      },
    );
    worker.on('error', (error: Error) => this.log(`worker ${queue}: ${error.message}`));
    worker.on('failed', (job: Job<JobData> | undefined, error: Error) =>
      this.log(
        `message ${job?.data.id ?? '?'} on ${queue} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`,
      ),
    );
    this.workers.add(worker);
    await worker.waitUntilReady();
    return {
      close: async () => {
        this.workers.delete(worker);
        await worker.close();
      },
    };
  }

  async republishBatch(queue: string, messages: readonly TransportMessage[]): Promise<number> {
    const q = this.queue(queue);
    const lost: TransportMessage[] = [];
    for (const message of messages) {
      const job = await q.getJob(toJobId(message.id));
      const state = job ? await job.getState() : 'missing';
      if (DELIVERABLE.has(state)) continue; // still on its way to a consumer
      // A finished job without the consumer's record, or a stale hash in no list ('unknown'):
      // BullMQ would ignore an add under its id, so remove it first.
      if (job)
        await this.producer.del(q.toKey(job.id!), `${q.toKey(job.id!)}:logs`, `${q.toKey(job.id!)}:lock`);
      lost.push(message);
    }
    await this.publishBatch(queue, lost);
    return lost.length;
  }

  async held(queue: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const q = this.queue(queue);
    const pipeline = this.producer.pipeline();
    for (const id of ids) pipeline.exists(q.toKey(toJobId(id)));
    const replies = (await pipeline.exec()) ?? [];
    const held = new Set<string>();
    replies.forEach(([error, exists], i) => {
      if (error) throw error;
      if (exists === 1) held.add(ids[i]);
    });
    return held;
  }

  /** Jobs Redis holds for the queue in any state (waiting, active, delayed, completed, failed). */
  async jobCount(queue: string): Promise<number> {
    return this.queue(queue).getJobCountByTypes(
      'wait',
      'active',
      'delayed',
      'prioritized',
      'completed',
      'failed',
    );
  }

  async close(): Promise<void> {
    const workers = [...this.workers];
    this.workers.clear();
    await Promise.all(workers.map((worker) => worker.close()));
    const queues = [...this.queues.values()];
    this.queues.clear();
    await Promise.all(queues.map((queue) => queue.close()));
    if (this.producer.status !== 'end') await this.producer.quit().catch(() => this.producer.disconnect());
  }

  /**
   * Takes the jobs already waiting behind `first` (moved to active under the same token, in queue
   * order) and hands them all to the batch handler; each extra job is then completed or failed by
   * hand, as BullMQ does for the job it gave us. A stalled-job check recovers them after a crash.
   */
  private async runBatch(
    worker: Worker<JobData>,
    token: string,
    first: Job<JobData>,
    handler: MessageHandler,
    batch: { max: number; handler: BatchHandler },
    lockMs: number,
  ): Promise<void> {
    const extra = await takeWaiting(worker, token, batch.max - 1);
    if (extra.length === 0) return this.runInPlace(handler, this.messageOf(first));
    const messages = [first, ...extra].map((job) => (this.verified(job) ? toMessage(job) : undefined));
    // A message that does not verify fails alone: the rest go one at a time, in order.
    if (messages.includes(undefined)) return this.oneAtATime(token, first, extra, handler);
    // BullMQ renews the lock of the job it gave us only: the ones taken by hand are renewed here.
    const renew = setInterval(
      () => {
        for (const job of extra) void job.extendLock(token, lockMs).catch(() => undefined);
      },
      Math.floor(lockMs / 2),
    );
    try {
      await batch.handler(messages as TransportMessage[]);
    } catch (error) {
      this.log(
        `batch of ${extra.length + 1} on ${first.queueName} failed, one at a time: ${describe(error)}`,
      );
      return await this.oneAtATime(token, first, extra, handler);
    } finally {
      clearInterval(renew);
    }
    await Promise.all(extra.map((job) => this.settle(job, token)));
  }

  /** The batch's messages in order; the first's failure is thrown once the rest are done. */
  private async oneAtATime(
    token: string,
    first: Job<JobData>,
    extra: readonly Job<JobData>[],
    handler: MessageHandler,
  ): Promise<void> {
    let firstError: unknown;
    try {
      await this.runInPlace(handler, this.messageOf(first));
    } catch (error) {
      firstError = error;
    }
    for (const job of extra) {
      try {
        await this.runInPlace(handler, this.messageOf(job));
      } catch (error) {
        await this.settle(job, token, error);
        continue;
      }
      await this.settle(job, token);
    }
    if (firstError !== undefined) throw firstError;
  }

  /** Completes (or fails, for a retry with backoff) a job taken by hand; a lost lock is only logged. */
  private async settle(job: Job<JobData>, token: string, error?: unknown): Promise<void> {
    try {
      if (error === undefined) await job.moveToCompleted(undefined, token, false);
      else {
        this.log(`message ${job.data.id} on ${job.queueName} failed: ${describe(error)}`);
        await job.moveToFailed(error instanceof Error ? error : new Error(String(error)), token, false);
      }
    } catch (settleError) {
      this.log(`message ${job.data.id} on ${job.queueName} not settled: ${describe(settleError)}`);
    }
  }

  /** Whether the job carries a valid signature (always, without a signing key). */
  private verified(job: Job<JobData>): boolean {
    const key = this.options.signingKey;
    return !key || verifyMessage(key, job.queueName, toMessage(job), job.data.sig);
  }

  /**
   * The job's message, if it verifies. One that does not was not published by a service of this
   * deployment (or was changed on the way): it fails at once and for good, before any handler.
   */
  private messageOf(job: Job<JobData>): TransportMessage {
    if (!this.verified(job))
      throw new UnrecoverableError(
        `message ${job.data.id} on ${job.queueName} refused: not signed with this deployment's key`,
      );
    return toMessage(job);
  }

  private async runInPlace(handler: MessageHandler, message: TransportMessage): Promise<void> {
    const attempts = Math.max(1, this.options.inlineAttempts ?? 3);
    for (let attempt = 1; ; attempt++) {
      try {
        await handler(message);
        return;
      } catch (error) {
        if (attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** (attempt - 1)));
      }
    }
  }

  private queue(name: string): Queue<JobData> {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue<JobData>(name, {
        connection: this.producer,
        prefix: this.options.prefix,
        defaultJobOptions: {
          attempts: this.options.attempts ?? 10,
          backoff: { type: 'exponential', delay: this.options.backoffMs ?? 500 },
          removeOnComplete: { count: this.options.keepCompleted ?? 10_000 },
          removeOnFail: { age: 7 * 24 * 3600 },
        },
      });
      queue.on('error', (error: Error) => this.log(`queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }
}

function toMessage(job: Job<JobData>): TransportMessage {
  return { id: job.data.id, name: job.name, payload: job.data.payload };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Up to `max` jobs waiting in the worker's queue, in queue order, moved to active under `token`.
 * Asks in rounds of 1, 2, 4, … (pipelined), so an idle queue costs one call and a long one few.
 */
async function takeWaiting(worker: Worker<JobData>, token: string, max: number): Promise<Job<JobData>[]> {
  const taken: Job<JobData>[] = [];
  for (let round = 1; taken.length < max; round *= 2) {
    const asks = Math.min(round, max - taken.length);
    const jobs = await Promise.all(
      Array.from(
        { length: asks },
        () => worker.getNextJob(token, { block: false }) as Promise<Job<JobData> | undefined>,
      ),
    );
    for (const job of jobs) if (job) taken.push(job);
    if (jobs.some((job) => !job)) break;
  }
  return taken;
}
