import type { DataSource, EntityManager } from 'typeorm';
import { OUTBOX_CHANNEL } from '../schema/messaging-schema.migration';
import type { MessageTransport, MessagingLog } from '../transport/message-transport';
import { OutboxRow, publishRows, stamp } from './outbox-rows';
import { WakeSignal } from './wake-signal';

export interface OutboxRelayOptions {
  /** Rows per transaction (default 500). */
  batchSize?: number;
  /** Longest wait between polls when no NOTIFY arrives (default 250 ms). */
  pollIntervalMs?: number;
  /** LISTEN for new rows (default true); polling always backs it up. */
  listen?: boolean;
  /**
   * Published rows no consumer has recorded as processed are sent again after this long (default
   * 30 s): a no-op while the transport still holds the job, a recovery when Redis lost it. `null`
   * turns the sweep off. On start every unacknowledged row is sent again at once.
   */
  resendAfterMs?: number | null;
  /** How often the sweep runs (default 10 s). */
  sweepIntervalMs?: number;
  log?: MessagingLog;
}

/** One relay publishes at a time, so messages leave in commit-consistent order; others stand by. */
const RELAY_LOCK = `hashtext('messaging.outbox_relay')`;

/**
 * Moves committed outbox rows to the transport: a row is marked published only after the
 * transport accepted it, so a crash in between re-sends it (the job id and idempotent consumers
 * absorb the repeat). Several relays may run; they take turns through an advisory lock.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly resendAfterMs: number | null;
  private readonly sweepIntervalMs: number;
  private readonly listen: boolean;
  private readonly log: MessagingLog;
  private readonly signal: WakeSignal;
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MessageTransport,
    options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.resendAfterMs = options.resendAfterMs === undefined ? 30_000 : options.resendAfterMs;
    this.sweepIntervalMs = options.sweepIntervalMs ?? 10_000;
    this.listen = options.listen ?? true;
    this.log = options.log ?? ((message) => console.warn(message));
    this.signal = new WakeSignal(dataSource, OUTBOX_CHANNEL);
  }

  get isRunning(): boolean {
    return this.running;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    if (this.listen) await this.signal.listen();
    this.loop = this.run();
  }

  /** Finishes the batch in hand, then stops. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.signal.wake();
    await this.loop;
    this.loop = undefined;
    await this.signal.close();
  }

  /** Wakes the relay now (e.g. after a local commit when NOTIFY is unavailable). */
  poke(): void {
    this.signal.wake();
  }

  /** Publishes one batch of unpublished rows; returns how many (0 if another relay holds the turn). */
  publishPending(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [turn] = (await manager.query(`SELECT pg_try_advisory_xact_lock(${RELAY_LOCK}) AS locked`)) as {
        locked: boolean;
      }[];
      if (!turn?.locked) return 0;
      const rows = (await manager.query(
        `SELECT id::text AS id, queue, name, payload, message_id FROM outbox
          WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      )) as OutboxRow[];
      await publishRows(this.transport, rows);
      await stamp(manager, 'published_at', rows.map((row) => row.id));
      return rows.length;
    });
  }

  /**
   * Marks rows some consumer processed as acknowledged and sends the rest again if published at
   * least `olderThanMs` ago. Returns how many were sent again.
   */
  async resendUnacknowledged(olderThanMs: number): Promise<number> {
    let cursor = '0';
    let resent = 0;
    for (;;) {
      const { count, last } = await this.dataSource.transaction((manager) =>
        this.resendBatch(manager, cursor, olderThanMs),
      );
      resent += count;
      if (last === undefined) return resent;
      cursor = last;
    }
  }

  private async resendBatch(
    manager: EntityManager,
    after: string,
    olderThanMs: number,
  ): Promise<{ count: number; last: string | undefined }> {
    const rows = (await manager.query(
      `SELECT o.id::text AS id, o.queue, o.name, o.payload, o.message_id,
              EXISTS (SELECT 1 FROM processed_messages p WHERE p.message_id = o.message_id) AS processed
         FROM outbox o
        WHERE o.published_at IS NOT NULL AND o.acknowledged_at IS NULL AND o.id > $1::bigint
          AND o.published_at <= clock_timestamp() - $2::int * interval '1 millisecond'
        ORDER BY o.id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [after, Math.max(0, Math.floor(olderThanMs)), this.batchSize],
    )) as (OutboxRow & { processed: boolean })[];
    const processed = rows.filter((row) => row.processed);
    const unprocessed = rows.filter((row) => !row.processed);
    await stamp(manager, 'acknowledged_at', processed.map((row) => row.id));
    await publishRows(this.transport, unprocessed);
    await stamp(manager, 'published_at', unprocessed.map((row) => row.id));
    return { count: unprocessed.length, last: rows.length < this.batchSize ? undefined : rows[rows.length - 1].id };
  }

  private async run(): Promise<void> {
    let nextSweep = 0;
    let firstSweep = true;
    while (this.running) {
      const generation = this.signal.generation;
      let full = false;
      try {
        full = (await this.publishPending()) >= this.batchSize;
        if (this.resendAfterMs !== null && Date.now() >= nextSweep) {
          const resent = await this.resendUnacknowledged(firstSweep ? 0 : this.resendAfterMs);
          if (resent > 0) this.log(`outbox relay re-sent ${resent} unacknowledged messages`);
          firstSweep = false;
          nextSweep = Date.now() + this.sweepIntervalMs;
        }
      } catch (error) {
        this.log(`outbox relay: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!full && this.running) await this.signal.wait(generation, this.pollIntervalMs);
    }
  }
}
