import { EVENT_STORE_ERRORS, EventStoreError } from '../errors';
import { EVENT_STORE_CHANNEL } from '../schema/event-store-schema.migration';
import type { NewEvent } from '../types';
import { eventsPayload, type SqlStatement } from './append.sql';

/** One event for a stream appended at whatever version it has reached. */
export interface StreamEvent {
  streamId: string;
  event: NewEvent;
}

/**
 * One statement for events of several streams, each stream at any version: every stream's row is
 * claimed once (in stream order, so concurrent appenders lock them in the same order) for all its
 * events, and the events are inserted in the given order, so the log keeps the order across
 * streams too; each stream's versions follow that order.
 */
export function buildAppendInOrderStatement(entries: readonly StreamEvent[], notify: boolean): SqlStatement {
  for (const { streamId } of entries)
    if (typeof streamId !== 'string' || streamId.length === 0)
      throw new EventStoreError(EVENT_STORE_ERRORS.INVALID_ARGUMENT, 'streamId must be a non-empty string');
  const notifyColumn = notify
    ? `, (SELECT pg_notify('${EVENT_STORE_CHANNEL}', '') FROM s LIMIT 1) AS notified`
    : '';
  const sql = `
    WITH u AS (
      SELECT i.stream_id, x.e, i.ord,
             count(*) OVER (PARTITION BY i.stream_id) AS n,
             row_number() OVER (PARTITION BY i.stream_id ORDER BY i.ord) AS k
      FROM unnest($1::text[]) WITH ORDINALITY AS i(stream_id, ord)
      JOIN jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(e, ord) ON x.ord = i.ord
    ),
    s AS (
      INSERT INTO streams AS s (stream_id, version)
      SELECT stream_id, count(*)::int FROM u GROUP BY stream_id ORDER BY stream_id
      ON CONFLICT (stream_id) DO UPDATE SET version = s.version + excluded.version
      RETURNING stream_id, version
    ),
    e AS (
      INSERT INTO events (stream_id, stream_version, type, data, metadata)
      SELECT u.stream_id, (s.version - u.n + u.k)::int, u.e->>'type', u.e->'data', u.e->'metadata'
      FROM u JOIN s USING (stream_id)
      ORDER BY u.ord
      RETURNING global_position
    )
    SELECT (SELECT max(global_position) FROM e)::text AS last_position${notifyColumn}`;
  return {
    sql,
    params: [entries.map((e) => e.streamId), eventsPayload(entries.map((e) => e.event))],
  };
}
