import { EVENT_STORE_ERRORS, EventStoreError } from '../errors';
import { EVENT_STORE_CHANNEL } from '../schema/event-store-schema.migration';
import { POSITIONS_PER_ROW } from '../schema/packed-events.migration';
import type { ExpectedVersion, NewEvent } from '../types';
import { currentAuditContext } from '../audit-context';

export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/** How the `streams` row is claimed; each variant returns the new version or no row on conflict. */
const CLAIM_STREAM = {
  // The row lock makes a concurrent appender with the same expected version re-check and miss.
  exact: `UPDATE streams SET version = version + $2::int WHERE stream_id = $1 AND version = $4::int RETURNING version`,
  noStream: `INSERT INTO streams (stream_id, version) VALUES ($1, $2::int) ON CONFLICT (stream_id) DO NOTHING RETURNING version`,
  any: `INSERT INTO streams AS s (stream_id, version) VALUES ($1, $2::int)
        ON CONFLICT (stream_id) DO UPDATE SET version = s.version + $2::int RETURNING version`,
} as const;

export function validateExpectedVersion(expected: ExpectedVersion): void {
  if (expected === 'any' || expected === 'no-stream') return;
  if (!Number.isSafeInteger(expected) || expected < 0)
    throw new EventStoreError(
      EVENT_STORE_ERRORS.INVALID_ARGUMENT,
      `expected version must be an integer >= 0`,
      {
        expected,
      },
    );
}

type StoredShape = { type: string; data: unknown; metadata: unknown };

/** Each event as stored in its row: type, data and metadata with the audit of the request. */
export function storedEvents(events: readonly NewEvent[]): StoredShape[] {
  const audit = currentAuditContext();
  return events.map((e) => ({
    type: e.type,
    data: e.data ?? null,
    // An event that names its own audit (work grouped across requests) keeps it.
    metadata: audit && e.metadata?.audit === undefined ? { ...e.metadata, audit } : (e.metadata ?? {}),
  }));
}

/** The events cut into rows of at most {@link POSITIONS_PER_ROW}, in order. */
export function chunked<T>(items: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += POSITIONS_PER_ROW)
    chunks.push(items.slice(i, i + POSITIONS_PER_ROW));
  return chunks;
}

/**
 * One statement per append, whatever the batch size: claim the stream version, then insert the
 * events as one row (or one per {@link POSITIONS_PER_ROW}) from a jsonb array of rows. If the
 * claim fails, the INSERT sees no row and writes nothing; `next_version` comes back null.
 */
export function buildAppendStatement(
  streamId: string,
  expected: ExpectedVersion,
  events: readonly NewEvent[],
  notify: boolean,
): SqlStatement {
  validateExpectedVersion(expected);
  if (typeof streamId !== 'string' || streamId.length === 0)
    throw new EventStoreError(EVENT_STORE_ERRORS.INVALID_ARGUMENT, 'streamId must be a non-empty string');
  const params: unknown[] = [streamId, events.length, JSON.stringify(chunked(storedEvents(events)))];
  let claim: string;
  if (expected === 'any') claim = CLAIM_STREAM.any;
  else if (expected === 'no-stream' || expected === 0) claim = CLAIM_STREAM.noStream;
  else {
    claim = CLAIM_STREAM.exact;
    params.push(expected);
  }
  const notifyColumn = notify ? `, (SELECT pg_notify('${EVENT_STORE_CHANNEL}', '') FROM s) AS notified` : '';
  const sql = `
    WITH s AS (${claim}),
    r AS (
      INSERT INTO event_rows (stream_id, first_version, count, events)
      SELECT $1, (s.version - $2::int + 1 + (c.k - 1) * ${POSITIONS_PER_ROW})::int, jsonb_array_length(c.chunk), c.chunk
      FROM s CROSS JOIN jsonb_array_elements($3::jsonb) WITH ORDINALITY AS c(chunk, k)
      ORDER BY c.k
      RETURNING position, count
    )
    SELECT (SELECT version FROM s) AS next_version,
           (SELECT max(position + count - 1) FROM r)::text AS last_position${notifyColumn}`;
  return { sql, params };
}

/** `pg_notify` in the statement is transactional: listeners hear it only once the append commits. */
export const CURRENT_VERSION_SQL = `SELECT version FROM streams WHERE stream_id = $1`;
