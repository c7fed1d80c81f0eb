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
   * turns the periodic sweep off (right for the in-process transport, which loses nothing while
   * the process lives).
   */
  resendAfterMs?: number | null;
  /**
   * On start, send again every unacknowledged row published before this relay started (default
   * true): whatever a crashed process or a flushed Redis lost is delivered again.
   */
  resendOnStart?: boolean;
  /** How often the sweep (re-send, prune) runs (default 10 s). */
  sweepIntervalMs?: number;
  /**
   * Rows acknowledged by a consumer are deleted once published this long ago (default 7 days;
   * `null` keeps them). Consumers still dedupe by `processed_messages` after that.
   */
  retainMs?: number | null;
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
  private readonly resendOnStart: boolean;
  private readonly retainMs: number | null;
  private readonly log: MessagingLog;
  private readonly signal: WakeSignal;
  private running = false;
  private loop: Promise<void> | undefined;
  /** The last round found another relay holding the turn. */
  private turnLost = false;
  /** Ends a rest early (on stop). */
  private endRest: (() => void) | undefined;

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
    this.resendOnStart = options.resendOnStart ?? true;
    this.retainMs = options.retainMs === undefined ? 7 * 24 * 3600_000 : options.retainMs;
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
    this.endRest?.();
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
      this.turnLost = !turn?.locked;
      if (this.turnLost) return 0;
      const rows = (await manager.query(
        `SELECT o.id::text AS id, o.queue, o.name, o.payload, o.message_id FROM outbox o
          WHERE o.published_at IS NULL ORDER BY o.id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      )) as OutboxRow[];
      await publishRows(this.transport, rows);
      await stamp(
        manager,
        'published_at',
        rows.map((row) => row.id),
      );
      return rows.length;
    });
  }

  /**
   * Marks rows some consumer processed as acknowledged and sends the rest again if published at
   * least `olderThanMs` ago (by the database clock). Returns how many were sent again.
   */
  async resendUnacknowledged(olderThanMs: number): Promise<number> {
    const [{ cutoff }] = (await this.dataSource.query(
      `SELECT (clock_timestamp() - $1::int * interval '1 millisecond')::text AS cutoff`,
      [Math.max(0, Math.floor(olderThanMs))],
    )) as { cutoff: string }[];
    return this.resendPublishedBefore(cutoff);
  }

  /** As {@link resendUnacknowledged}, for rows published before `cutoff` (a timestamptz). */
  async resendPublishedBefore(cutoff: string): Promise<number> {
    let cursor = '0';
    let resent = 0;
    for (;;) {
      const { count, last } = await this.dataSource.transaction((manager) =>
        this.resendBatch(manager, cursor, cutoff),
      );
      resent += count;
      if (last === undefined) return resent;
      cursor = last;
    }
  }

  /**
   * Deletes rows published at least `olderThanMs` ago that some consumer processed (up to 10 000
   * per call). Returns how many.
   */
  async prune(olderThanMs: number): Promise<number> {
    const [{ n }] = (await this.dataSource.query(
      `WITH doomed AS (
         SELECT o.id FROM outbox o
          WHERE o.published_at < clock_timestamp() - $1::int * interval '1 millisecond'
            AND (o.acknowledged_at IS NOT NULL
                 OR EXISTS (SELECT 1 FROM processed_messages p WHERE p.message_id = o.message_id))
          ORDER BY o.id LIMIT 10000 FOR UPDATE SKIP LOCKED),
       deleted AS (DELETE FROM outbox WHERE id IN (SELECT id FROM doomed) RETURNING 1)
       SELECT count(*)::int AS n FROM deleted`,
      [Math.max(0, Math.floor(olderThanMs))],
    )) as { n: number }[];
    return n;
  }

  private async resendBatch(
    manager: EntityManager,
    after: string,
    cutoff: string,
  ): Promise<{ count: number; last: string | undefined }> {
    const rows = (await manager.query(
      `SELECT o.id::text AS id, o.queue, o.name, o.payload, o.message_id,
              EXISTS (SELECT 1 FROM processed_messages p WHERE p.message_id = o.message_id) AS processed
         FROM outbox o
        WHERE o.published_at IS NOT NULL AND o.acknowledged_at IS NULL AND o.id > $1::bigint
          AND o.published_at < $2::timestamptz
        ORDER BY o.id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [after, cutoff, this.batchSize],
    )) as (OutboxRow & { processed: boolean })[];
    const processed = rows.filter((row) => row.processed);
    const unprocessed = rows.filter((row) => !row.processed);
    await stamp(
      manager,
      'acknowledged_at',
      processed.map((row) => row.id),
    );
    const resent = await publishRows(this.transport, unprocessed, true);
    await stamp(
      manager,
      'published_at',
      unprocessed.map((row) => row.id),
    );
    return {
      count: resent,
      last: rows.length < this.batchSize ? undefined : rows[rows.length - 1].id,
    };
  }

  private async run(): Promise<void> {
    // Only rows published before this relay started: any relay publishing now is not our concern.
    if (this.resendOnStart) await this.guard(() => this.resend(0));
    let nextSweep = Date.now() + this.sweepIntervalMs;
    while (this.running) {
      const generation = this.signal.generation;
      let full = false;
      await this.guard(async () => {
        full = (await this.publishPending()) >= this.batchSize;
        if (Date.now() >= nextSweep) {
          if (this.resendAfterMs !== null) await this.resend(this.resendAfterMs);
          if (this.retainMs !== null) await this.prune(this.retainMs);
          nextSweep = Date.now() + this.sweepIntervalMs;
        }
      });
      if (!full && this.running)
        // Another relay had the turn: it is awake and hears the next NOTIFY too (it runs again for
        // rows that arrive during its round), so this one only polls, as a stand-by, instead of
        // racing it for every NOTIFY (a transaction of three statements each time, for nothing).
        await (this.turnLost
          ? this.rest(this.pollIntervalMs)
          : this.signal.wait(generation, this.pollIntervalMs));
    }
  }

  private rest(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.endRest?.(), ms);
      this.endRest = () => {
        clearTimeout(timer);
        this.endRest = undefined;
        resolve();
      };
    });
  }

  private async resend(olderThanMs: number): Promise<void> {
    const resent = await this.resendUnacknowledged(olderThanMs);
    if (resent > 0) this.log(`outbox relay re-sent ${resent} unacknowledged messages`);
  }

  /** A failed round (database or Redis down) is reported and retried on the next one. */
  private async guard(round: () => Promise<void>): Promise<void> {
    try {
      await round();
    } catch (error) {
      this.log(`outbox relay: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
