/** The table of one row per event, as it was until `PackedEvents1764000600000` (and is again after its `down`). */
export const CREATE_EVENTS_TABLE = `
  CREATE TABLE events (
    global_position bigserial PRIMARY KEY,
    stream_id text NOT NULL,
    stream_version int NOT NULL CHECK (stream_version >= 1),
    type text NOT NULL,
    data jsonb NOT NULL,
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version)
  )`;
export const CREATE_EVENTS_COMMIT_ORDER_INDEX = `CREATE INDEX events_commit_order_idx ON events (transaction_id, global_position)`;
