import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { WrongExpectedVersionError } from './errors';
import { foldEvents, type AggregateDefinition } from './aggregate';
import { buildAppendStatement, CURRENT_VERSION_SQL, validateExpectedVersion } from './sql/append.sql';
import { buildAppendInOrderStatement, type StreamEvent } from './sql/append-in-order.sql';
import {
  checkpointOf,
  compareCheckpoints,
  READ_ALL_SQL,
  READ_STREAM_SQL,
  toSafeNumber,
  unpackRows,
  type PackedRow,
} from './sql/rows';
import { AppendNotifier } from './subscriptions/append-notifier';
import {
  CatchUpSubscription,
  type SubscribeOptions,
  type Subscription,
} from './subscriptions/catch-up-subscription';
import {
  START,
  type AppendResult,
  type Checkpoint,
  type EventShape,
  type ExpectedVersion,
  type NewEvent,
  type StoredEvent,
} from './types';

export interface EventStoreOptions {
  /** NOTIFY subscribers on append (default true). Costs a commit-time lock per appending transaction. */
  notify?: boolean;
  /** LISTEN for appends from other processes (default true); polling always backs it up. */
  listen?: boolean;
}

/** Run inside the caller's transaction (e.g. with the outbox rows) instead of autocommit. */
export interface TransactionOptions {
  manager?: EntityManager;
}

export interface StreamAppend {
  streamId: string;
  expectedVersion: ExpectedVersion;
  events: readonly NewEvent[];
}

export interface ReadStreamOptions extends TransactionOptions {
  fromVersion?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive; defaults to the start of the log. */
  fromPosition?: Checkpoint;
  batchSize?: number;
}

export interface Snapshot<S> {
  version: number;
  state: S;
}

interface AppendRow {
  next_version: number | null;
  last_position: string | null;
}

/** PostgreSQL event store over a TypeORM DataSource: explicit SQL, one statement per append. */
export class EventStore {
  private readonly notifier: AppendNotifier;
  private readonly notify: boolean;
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    private readonly dataSource: DataSource,
    options: EventStoreOptions = {},
  ) {
    this.notify = options.notify ?? true;
    this.notifier = new AppendNotifier(dataSource, options.listen ?? true);
  }

  async append(
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: readonly NewEvent[],
    opts: TransactionOptions = {},
  ): Promise<AppendResult> {
    const manager = opts.manager ?? this.dataSource.manager;
    if (events.length === 0) return this.checkVersionOnly(manager, streamId, expectedVersion);
    const { sql, params } = buildAppendStatement(streamId, expectedVersion, events, this.notify);
    let rows: AppendRow[];
    try {
      rows = await manager.query<AppendRow[]>(sql, params);
    } catch (error) {
      if (isUniqueViolation(error)) {
        // The caller's transaction is aborted now; read the actual version outside it.
        throw new WrongExpectedVersionError(streamId, expectedVersion, await this.currentVersion(streamId));
      }
      throw error;
    }
    const row = rows[0];
    if (row?.next_version === null || row?.next_version === undefined)
      throw new WrongExpectedVersionError(
        streamId,
        expectedVersion,
        await this.currentVersion(streamId, manager),
      );
    if (!opts.manager) this.notifier.wake();
    return {
      nextVersion: row.next_version,
      lastPosition: row.last_position === null ? null : toSafeNumber(row.last_position, 'global_position'),
    };
  }

  /** Appends to several streams atomically: all or nothing. */
  async appendMany(appends: readonly StreamAppend[], opts: TransactionOptions = {}): Promise<AppendResult[]> {
    const run = async (manager: EntityManager): Promise<AppendResult[]> => {
      const results: AppendResult[] = [];
      for (const a of appends)
        results.push(await this.append(a.streamId, a.expectedVersion, a.events, { manager }));
      return results;
    };
    if (opts.manager) return run(opts.manager);
    const results = await this.dataSource.transaction(run);
    this.notifier.wake();
    return results;
  }

  /**
   * Appends events of several streams, each at whatever version it has reached, in one statement,
   * keeping their order in the log across streams: what a writer whose events interleave over
   * streams would otherwise do with one append per run of a stream.
   */
  async appendInOrder(entries: readonly StreamEvent[], opts: TransactionOptions = {}): Promise<void> {
    if (entries.length === 0) return;
    const { sql, params } = buildAppendInOrderStatement(entries, this.notify);
    await (opts.manager ?? this.dataSource.manager).query(sql, params);
    if (!opts.manager) this.notifier.wake();
  }

  /** The stream's current version; 0 when it has no events. */
  async currentVersion(streamId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const rows = await manager.query<{ version: number }[]>(CURRENT_VERSION_SQL, [streamId]);
    return rows[0]?.version ?? 0;
  }

  async readStream<E extends EventShape = EventShape>(
    streamId: string,
    opts: ReadStreamOptions = {},
  ): Promise<StoredEvent<E>[]> {
    const manager = opts.manager ?? this.dataSource.manager;
    const from = opts.fromVersion ?? 1;
    const limit = opts.maxCount ?? null;
    const rows = await manager.query<PackedRow[]>(READ_STREAM_SQL, [streamId, from, limit]);
    return unpackRows(rows, limit ?? undefined, (e) => e.streamVersion >= from) as StoredEvent<E>[];
  }

  /** One commit-safe page of the global log after `from`. */
  async readAllBatch(
    from: Checkpoint,
    batchSize: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StoredEvent[]> {
    const rows = await manager.query<PackedRow[]>(READ_ALL_SQL, [
      String(from.transactionId),
      from.globalPosition,
      batchSize,
    ]);
    return unpackRows(rows, batchSize, (e) => compareCheckpoints(e, from) > 0);
  }

  /**
   * Streams the committed log in batches until it reaches the committed horizon. The next page
   * is fetched while the caller consumes the current one, so PostgreSQL and Node work in parallel.
   */
  async *readAll<E extends EventShape = EventShape>(
    opts: ReadAllOptions = {},
  ): AsyncGenerator<StoredEvent<E>> {
    const batchSize = opts.batchSize ?? 1000;
    let pending: Promise<StoredEvent[]> | null = this.readAllBatch(opts.fromPosition ?? START, batchSize);
    try {
      while (pending) {
        const batch: StoredEvent[] = await pending;
        pending =
          batch.length < batchSize
            ? null
            : this.readAllBatch(checkpointOf(batch[batch.length - 1]), batchSize);
        for (const event of batch) yield event as StoredEvent<E>;
      }
    } finally {
      // An abandoned prefetch must not surface as an unhandled rejection.
      pending?.catch(() => undefined);
    }
  }

  /**
   * Catch-up subscription: history in batches, then live. While LISTEN is up it holds one pool
   * connection for the whole store; use `listen: false` with a pool of one.
   */
  subscribe<E extends EventShape = EventShape>(options: SubscribeOptions<E>): Subscription {
    const subscription = new CatchUpSubscription<E>(
      (from, size) => this.readAllBatch(from, size),
      this.notifier,
      options,
    );
    this.subscriptions.add(subscription);
    void subscription.done.catch(() => undefined).finally(() => this.subscriptions.delete(subscription));
    return subscription;
  }

  /** Resolves after the next append seen by this store (or `timeoutMs`); used by projection runners. */
  waitForAppend(sinceGeneration: number, timeoutMs: number): Promise<void> {
    return this.notifier.start().then(() => this.notifier.wait(sinceGeneration, timeoutMs));
  }

  get appendGeneration(): number {
    return this.notifier.generation;
  }

  /** Wakes everything blocked in {@link waitForAppend} (used on shutdown). */
  wakeWaiters(): void {
    this.notifier.wake();
  }

  /** Keeps only the newest snapshot per stream; an older one never overwrites a newer one. */
  async saveSnapshot<S>(
    streamId: string,
    version: number,
    state: S,
    opts: TransactionOptions = {},
  ): Promise<void> {
    validateExpectedVersion(version);
    await (opts.manager ?? this.dataSource.manager).query(
      `INSERT INTO snapshots (stream_id, version, state) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, state = excluded.state, saved_at = now()
       WHERE snapshots.version < excluded.version`,
      [streamId, version, JSON.stringify(state)],
    );
  }

  async loadSnapshot<S>(streamId: string, opts: TransactionOptions = {}): Promise<Snapshot<S> | null> {
    const rows = await (opts.manager ?? this.dataSource.manager).query<{ version: number; state: S }[]>(
      `SELECT version, state FROM snapshots WHERE stream_id = $1`,
      [streamId],
    );
    return rows[0] ? { version: rows[0].version, state: rows[0].state } : null;
  }

  /** Latest snapshot (if any and `useSnapshot` is not false) plus the events after it, folded with `evolve`. */
  async loadAggregate<S, E extends EventShape = EventShape>(
    streamId: string,
    definition: AggregateDefinition<S, E> & TransactionOptions & { useSnapshot?: boolean; pageSize?: number },
  ): Promise<Snapshot<S>> {
    const pageSize = definition.pageSize ?? 1000;
    const snapshot =
      definition.useSnapshot === false
        ? null
        : await this.loadSnapshot<S>(streamId, { manager: definition.manager });
    let state = snapshot ? snapshot.state : definition.initialState();
    let version = snapshot?.version ?? 0;
    for (;;) {
      const events = await this.readStream<E>(streamId, {
        fromVersion: version + 1,
        maxCount: pageSize,
        manager: definition.manager,
      });
      state = foldEvents(state, events, definition.evolve);
      if (events.length > 0) version = events[events.length - 1].streamVersion;
      if (events.length < pageSize) return { version, state };
    }
  }

  /** Stops every subscription of this store and releases the LISTEN connection. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.notifier.close();
  }

  private async checkVersionOnly(
    manager: EntityManager,
    streamId: string,
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    validateExpectedVersion(expected);
    const actual = await this.currentVersion(streamId, manager);
    const wanted = expected === 'no-stream' ? 0 : expected;
    if (wanted !== 'any' && wanted !== actual)
      throw new WrongExpectedVersionError(streamId, expected, actual);
    return { nextVersion: actual, lastPosition: null };
  }
}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  return (error.driverError as Error & { code?: string }).code === '23505';
}
