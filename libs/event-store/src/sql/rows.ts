import { EVENT_STORE_ERRORS, EventStoreError } from '../errors';
import { POSITIONS_PER_ROW } from '../schema/packed-events.migration';
import type { Checkpoint, EventMetadata, StoredEvent } from '../types';

/**
 * Columns every read selects from `event_rows`, in the shape {@link unpackRows} maps. The text
 * aliases shadow the column names in ORDER BY, so queries must order by qualified columns.
 */
const ROW_COLUMNS = `r.position::text AS position, r.transaction_id::text AS transaction_id, r.stream_id,
  r.first_version, r.count, r.events, date_part('epoch', r.recorded_at) * 1000 AS recorded_at_ms`;

/** One event as its row stores it. */
export interface PackedEvent {
  type: string;
  data: unknown;
  metadata?: EventMetadata | null;
}

/** A packed row: a run of one stream's events from one append. */
export interface PackedRow {
  position: string;
  transaction_id: string;
  stream_id: string;
  first_version: number;
  count: number;
  events: readonly PackedEvent[];
  /** Epoch milliseconds as float8: far cheaper to turn into a Date than timestamptz text. */
  recorded_at_ms: number;
}

/** bigint / xid8 arrive as decimal strings; we hand out numbers and refuse to lose precision. */
export function toSafeNumber(value: string | number, what: string): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n))
    throw new EventStoreError(
      EVENT_STORE_ERRORS.POSITION_OVERFLOW,
      `${what} ${String(value)} is not a safe integer`,
    );
  return n;
}

/**
 * The events of packed rows, in order, that `keep` accepts (all by default), at most `limit` of
 * them. Each event's position and stream version are its row's plus its index in the row.
 */
export function unpackRows(
  rows: readonly PackedRow[],
  limit = Number.POSITIVE_INFINITY,
  keep: (event: StoredEvent) => boolean = () => true,
): StoredEvent[] {
  const out: StoredEvent[] = [];
  for (const row of rows) {
    const position = toSafeNumber(row.position, 'position');
    const transactionId = toSafeNumber(row.transaction_id, 'transaction_id');
    const recordedAt = new Date(Math.floor(row.recorded_at_ms));
    for (let i = 0; i < row.events.length; i++) {
      const e = row.events[i];
      const event: StoredEvent = {
        globalPosition: position + i,
        transactionId,
        streamId: row.stream_id,
        streamVersion: row.first_version + i,
        type: e.type,
        data: e.data,
        metadata: e.metadata ?? {},
        recordedAt,
      };
      if (!keep(event)) continue;
      out.push(event);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

export function checkpointOf(event: Pick<StoredEvent, 'transactionId' | 'globalPosition'>): Checkpoint {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}

/** Negative when `a` is before `b` in the log's commit-safe order. */
export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  return a.transactionId - b.transactionId || a.globalPosition - b.globalPosition;
}

/**
 * The rows holding the next `limit` events of a read, in its `order` (expressions on `r`). The
 * candidates are chosen on position and count alone (`where`, at most `limit` rows, since each
 * holds at least one wanted event), and only those needed for `limit` events are joined back for
 * their events: a page of a few events out of rows of hundreds does not read and parse the rows
 * after it. `wanted` is how many of a row's events the read wants (fewer in the row where it
 * starts). A null `limit` reads them all.
 */
function pageOfRows(read: {
  where: string;
  order: readonly string[];
  wanted: string;
  limit: string;
}): string {
  const keys = read.order.map((expression, i) => `${expression} AS k${i}`).join(', ');
  const byKeys = read.order.map((_, i) => `c.k${i}`).join(', ');
  return `
  SELECT ${ROW_COLUMNS}
  FROM (
    SELECT c.position, sum(c.wanted) OVER (ORDER BY ${byKeys}) - c.wanted AS before
    FROM (
      SELECT r.position, ${keys}, ${read.wanted} AS wanted
      FROM event_rows r
      WHERE ${read.where}
      ORDER BY ${read.order.join(', ')}
      LIMIT ${read.limit}::bigint
    ) c
  ) p
  JOIN event_rows r ON r.position = p.position
  WHERE ${read.limit}::bigint IS NULL OR p.before < ${read.limit}::bigint
  ORDER BY ${read.order.join(', ')}`;
}

/**
 * Commit-safe keyset page: the rows holding the next $3 events after ($1, $2), ordered by
 * (transaction_id, last position) and cut at the oldest running transaction. Ordering by
 * position alone could skip: a transaction that took a lower position but commits later would
 * land behind a checkpoint already moved past it. Rows of one transaction never overlap, so their
 * last positions are in the order of their first.
 */
export const READ_ALL_SQL = pageOfRows({
  where: `(r.transaction_id, r.position + r.count - 1) > ($1::text::xid8, $2::bigint)
        AND r.transaction_id < pg_snapshot_xmin(pg_current_snapshot())`,
  order: ['r.transaction_id', 'r.position + r.count - 1'],
  wanted: `CASE WHEN r.transaction_id = $1::text::xid8
                THEN LEAST(r.count, r.position + r.count - 1 - $2::bigint) ELSE r.count END`,
  limit: '$3',
});

/** The rows of stream $1 holding its next $3 events (null: all) from version $2, in order. */
export const READ_STREAM_SQL = pageOfRows({
  where: 'r.stream_id = $1 AND r.first_version + r.count - 1 >= $2::int',
  order: ['r.first_version + r.count - 1'],
  wanted: 'LEAST(r.count, r.first_version + r.count - $2::int)',
  limit: '$3',
});

/** The rows holding the next $2 events after position $1, in position order (not commit-safe). */
export const READ_LOG_SQL = pageOfRows({
  where: `r.position > $1::bigint - ${POSITIONS_PER_ROW} AND r.position + r.count - 1 > $1::bigint`,
  order: ['r.position'],
  wanted: 'LEAST(r.count, r.position + r.count - 1 - $1::bigint)',
  limit: '$2',
});
