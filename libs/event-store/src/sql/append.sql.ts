import { EVENT_STORE_ERRORS, EventStoreError } from '../errors';
import { EVENT_STORE_CHANNEL } from '../schema/event-store-schema.migration';
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

/** The events as the jsonb array the append statements insert, each with its metadata and audit. */
export function eventsPayload(events: readonly NewEvent[]): string {
  const audit = currentAuditContext();
  return JSON.stringify(
    events.map((e) => ({
      type: e.type,
      data: e.data ?? null,
      // An event that names its own audit (work grouped across requests) keeps it.
      metadata: audit && e.metadata?.audit === undefined ? { ...e.metadata, audit } : (e.metadata ?? {}),
    })),
  );
}

/**
 * One statement per append, whatever the batch size: claim the stream version, then insert
 * every event with one INSERT ... SELECT over a jsonb array, numbering versions with ORDINALITY.
 * If the claim fails, the INSERT sees no row and writes nothing; `next_version` comes back null.
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
  const payload = eventsPayload(events);
  const params: unknown[] = [streamId, events.length, payload];
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
    e AS (
      INSERT INTO events (stream_id, stream_version, type, data, metadata)
      SELECT $1, (s.version - $2::int + u.ord)::int, u.e->>'type', u.e->'data', u.e->'metadata'
      FROM s CROSS JOIN jsonb_array_elements($3::jsonb) WITH ORDINALITY AS u(e, ord)
      ORDER BY u.ord
      RETURNING global_position
    )
    SELECT (SELECT version FROM s) AS next_version,
           (SELECT max(global_position) FROM e)::text AS last_position${notifyColumn}`;
  return { sql, params };
}

/** `pg_notify` in the statement is transactional: listeners hear it only once the append commits. */
export const CURRENT_VERSION_SQL = `SELECT version FROM streams WHERE stream_id = $1`;
