import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_EVENTS_COMMIT_ORDER_INDEX, CREATE_EVENTS_TABLE } from './events-table.sql';

/**
 * Positions a packed row may span: its events take the positions `position` to
 * `position + count - 1`, and the next row starts at least this far on (the sequence's step).
 */
export const POSITIONS_PER_ROW = 1024;

/**
 * Joins each packed row `b` to its events `x.e` (with `x.ord` from 1): for SQL that needs them one
 * by one, as the `events` view does. The store's own reads unpack rows in Node (`unpackRows`).
 */
export const UNPACK_EVENTS = `
  CROSS JOIN LATERAL jsonb_array_elements(b.events) WITH ORDINALITY AS x(e, ord)`;

/**
 * One row per run of a stream's events in one append, instead of one row per event
 * (docs/order-path-at-target-rates.md, step 1): a matching batch or an order group costs a row,
 * three index entries and a tuple header, not that many per event. Each event keeps its own
 * position (the row's position plus its index), stream version, type, data and metadata, and
 * `events` stays as a view with the old columns for readers outside the store.
 *
 * The stream's row in `streams` is what makes appends to one stream take turns, as before; the
 * unique (stream_id, last version) key is the backstop (stream_id, stream_version) was.
 * Existing events are kept as rows of one event at their positions.
 */
export class PackedEvents1764000600000 implements MigrationInterface {
  name = 'PackedEvents1764000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE event_row_position_seq INCREMENT BY ${POSITIONS_PER_ROW} MINVALUE 1`);
    await q.query(`
      CREATE TABLE event_rows (
        position bigint PRIMARY KEY DEFAULT nextval('event_row_position_seq'),
        stream_id text NOT NULL,
        first_version int NOT NULL CHECK (first_version >= 1),
        count int NOT NULL CHECK (count BETWEEN 1 AND ${POSITIONS_PER_ROW}),
        events jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id())`);
    await q.query(`ALTER SEQUENCE event_row_position_seq OWNED BY event_rows.position`);
    // Keyed by each row's last version and position: a read from any event finds its row first.
    await q.query(
      `CREATE UNIQUE INDEX event_rows_stream_version_key ON event_rows (stream_id, (first_version + count - 1))`,
    );
    await q.query(
      `CREATE INDEX event_rows_commit_order_idx ON event_rows (transaction_id, (position + count - 1))`,
    );
    await q.query(`
      INSERT INTO event_rows (position, stream_id, first_version, count, events, recorded_at, transaction_id)
      SELECT global_position, stream_id, stream_version, 1,
             jsonb_build_array(jsonb_build_object('type', type, 'data', data, 'metadata', metadata)),
             recorded_at, transaction_id
        FROM events`);
    await q.query(`DROP TABLE events`);
    await q.query(`
      SELECT setval('event_row_position_seq',
        (COALESCE((SELECT max(position) FROM event_rows), 0) / ${POSITIONS_PER_ROW} + 1) * ${POSITIONS_PER_ROW},
        false)`);
    await q.query(`
      CREATE VIEW events AS
      SELECT b.position + x.ord - 1 AS global_position, b.stream_id,
             (b.first_version + x.ord - 1)::int AS stream_version,
             x.e->>'type' AS type, x.e->'data' AS data, x.e->'metadata' AS metadata,
             b.recorded_at, b.transaction_id
        FROM event_rows b ${UNPACK_EVENTS}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW events`);
    await q.query(CREATE_EVENTS_TABLE);
    await q.query(CREATE_EVENTS_COMMIT_ORDER_INDEX);
    await q.query(`
      INSERT INTO events (global_position, stream_id, stream_version, type, data, metadata, recorded_at, transaction_id)
      SELECT b.position + x.ord - 1, b.stream_id, b.first_version + x.ord - 1, x.e->>'type', x.e->'data',
             COALESCE(x.e->'metadata', '{}'::jsonb), b.recorded_at, b.transaction_id
        FROM event_rows b ${UNPACK_EVENTS}`);
    await q.query(
      `SELECT setval('events_global_position_seq', COALESCE((SELECT max(global_position) FROM events), 0) + 1, false)`,
    );
    await q.query(`DROP TABLE event_rows`);
  }
}
