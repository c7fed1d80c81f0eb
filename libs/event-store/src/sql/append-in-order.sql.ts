import { EVENT_STORE_ERRORS, EventStoreError } from '../errors';
import { EVENT_STORE_CHANNEL } from '../schema/event-store-schema.migration';
import type { NewEvent } from '../types';
import { POSITIONS_PER_ROW } from '../schema/packed-events.migration';
import { storedEvents, type SqlStatement } from './append.sql';

/** One event for a stream appended at whatever version it has reached. */
export interface StreamEvent {
  streamId: string;
  event: NewEvent;
}

/**
 * One statement for events of several streams, each stream at any version: every stream's row is
 * claimed once (in stream order, so concurrent appenders lock them in the same order) for all its
 * events, and the events are inserted in the given order, one row per run of a stream's events,
 * so the log keeps the order across streams too; each stream's versions follow that order.
 */
export function buildAppendInOrderStatement(entries: readonly StreamEvent[], notify: boolean): SqlStatement {
  for (const { streamId } of entries)
    if (typeof streamId !== 'string' || streamId.length === 0)
      throw new EventStoreError(EVENT_STORE_ERRORS.INVALID_ARGUMENT, 'streamId must be a non-empty string');
  const runs = runsOf(entries);
  const notifyColumn = notify
    ? `, (SELECT pg_notify('${EVENT_STORE_CHANNEL}', '') FROM s LIMIT 1) AS notified`
    : '';
  const sql = `
    WITH u AS (
      SELECT i.stream_id, i.off, i.ord, x.chunk, jsonb_array_length(x.chunk) AS cnt,
             sum(jsonb_array_length(x.chunk)) OVER (PARTITION BY i.stream_id) AS n
      FROM unnest($1::text[], $2::int[]) WITH ORDINALITY AS i(stream_id, off, ord)
      JOIN jsonb_array_elements($3::jsonb) WITH ORDINALITY AS x(chunk, ord) ON x.ord = i.ord
    ),
    s AS (
      INSERT INTO streams AS s (stream_id, version)
      SELECT stream_id, max(n)::int FROM u GROUP BY stream_id ORDER BY stream_id
      ON CONFLICT (stream_id) DO UPDATE SET version = s.version + excluded.version
      RETURNING stream_id, version
    ),
    r AS (
      INSERT INTO event_rows (stream_id, first_version, count, events)
      SELECT u.stream_id, (s.version - u.n + u.off + 1)::int, u.cnt, u.chunk
      FROM u JOIN s USING (stream_id)
      ORDER BY u.ord
      RETURNING position, count
    )
    SELECT (SELECT max(position + count - 1) FROM r)::text AS last_position${notifyColumn}`;
  return {
    sql,
    params: [
      runs.map((r) => r.streamId),
      runs.map((r) => r.offset),
      JSON.stringify(runs.map((r) => r.events)),
    ],
  };
}

interface Run {
  streamId: string;
  /** How many of the stream's events in this append come before the run. */
  offset: number;
  events: unknown[];
}

/** Consecutive events of one stream, at most {@link POSITIONS_PER_ROW} to a run. */
function runsOf(entries: readonly StreamEvent[]): Run[] {
  const stored = storedEvents(entries.map((e) => e.event));
  const seen = new Map<string, number>();
  const runs: Run[] = [];
  let last: Run | undefined;
  entries.forEach(({ streamId }, i) => {
    if (!last || last.streamId !== streamId || last.events.length === POSITIONS_PER_ROW) {
      last = { streamId, offset: seen.get(streamId) ?? 0, events: [] };
      runs.push(last);
    }
    last.events.push(stored[i]);
    seen.set(streamId, (seen.get(streamId) ?? 0) + 1);
  });
  return runs;
}
