import { Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { toJobId } from './bullmq-job-id';
import type {
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
  log?: MessagingLog;
}

/** What a job carries: the message id survives the job-id encoding unchanged. */
interface JobData {
  id: string;
  payload: unknown;
}

/**
 * Queues on Redis through BullMQ. The job id is derived from the message id, so re-publishing a
 * message Redis still holds is a no-op; one lost (Redis flushed or failed over) is added afresh.
 */
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
        data: { id: message.id, payload: message.payload },
        opts: { jobId: toJobId(message.id) },
      })),
    );
  }

  async consume(queue: string, handler: MessageHandler, options: ConsumeOptions): Promise<ConsumerHandle> {
    const worker = new Worker<JobData>(
      queue,
      (job: Job<JobData>) =>
        this.runInPlace(handler, { id: job.data.id, name: job.name, payload: job.data.payload }),
      {
        connection: { url: this.options.redisUrl, maxRetriesPerRequest: null },
        prefix: this.options.prefix,
        concurrency: Math.max(1, Math.floor(options.concurrency)),
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
