import { EVENT_STORE_ERRORS, EventStoreError } from '../errors';
import type { Checkpoint, EventMetadata, StoredEvent } from '../types';

/**
 * Columns every read selects, in the shape {@link toStoredEvent} maps. The text aliases shadow
 * the column names in ORDER BY, so queries must order by qualified columns (`e.global_position`).
 */
export const EVENT_COLUMNS = `global_position::text AS global_position, transaction_id::text AS transaction_id,
  stream_id, stream_version, type, data, metadata, date_part('epoch', recorded_at) * 1000 AS recorded_at_ms`;

export interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  data: unknown;
  metadata: EventMetadata | null;
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

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    globalPosition: toSafeNumber(row.global_position, 'global_position'),
    transactionId: toSafeNumber(row.transaction_id, 'transaction_id'),
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    type: row.type,
    data: row.data,
    metadata: row.metadata ?? {},
    recordedAt: new Date(Math.floor(row.recorded_at_ms)),
  };
}

export function checkpointOf(event: Pick<StoredEvent, 'transactionId' | 'globalPosition'>): Checkpoint {
  return { transactionId: event.transactionId, globalPosition: event.globalPosition };
}

/** Negative when `a` is before `b` in the log's commit-safe order. */
export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  return a.transactionId - b.transactionId || a.globalPosition - b.globalPosition;
}

/**
 * Commit-safe keyset page: ordered by (transaction_id, global_position) and cut at the oldest
 * running transaction. Ordering by global_position alone could skip: a transaction that took a
 * lower position but commits later would land behind a checkpoint already moved past it.
 */
export const READ_ALL_SQL = `
  SELECT ${EVENT_COLUMNS}
  FROM events e
  WHERE (e.transaction_id, e.global_position) > ($1::text::xid8, $2::bigint)
    AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY e.transaction_id, e.global_position
  LIMIT $3`;

export const READ_STREAM_SQL = `
  SELECT ${EVENT_COLUMNS}
  FROM events e
  WHERE e.stream_id = $1 AND e.stream_version >= $2
  ORDER BY e.stream_version
  LIMIT $3`;
