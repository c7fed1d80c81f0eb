/** Any value that survives a JSON round trip through a `jsonb` column. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Who and what caused an event; stored in `events.metadata` (jsonb). */
export interface EventMetadata {
  commandId?: string;
  causationId?: string;
  correlationId?: string;
  actor?: string;
  scenario?: string;
  [key: string]: JsonValue | undefined;
}

/** The minimal shape of a domain event: a past-tense type and a JSON-serialisable payload. */
export interface EventShape {
  type: string;
  data: unknown;
}

/** An event to append. `data` must be JSON-serialisable (integers, strings; no bigint, no Date). */
export type NewEvent<E extends EventShape = EventShape> = E & { metadata?: EventMetadata };

/**
 * An event as stored. Positions are JavaScript numbers (safe up to 2^53 - 1, checked on read):
 * - `globalPosition`: the `bigserial` assigned at insert time (unique, but NOT commit order);
 * - `transactionId`: the `xid8` of the appending transaction.
 * The total order of the log ("commit-safe order") is `(transactionId, globalPosition)`: see
 * {@link Checkpoint}.
 */
export type StoredEvent<E extends EventShape = EventShape> = E & {
  globalPosition: number;
  transactionId: number;
  streamId: string;
  streamVersion: number;
  metadata: EventMetadata;
  recordedAt: Date;
};

/**
 * A position in the global log: events are read in ascending `(transactionId, globalPosition)`
 * and only below the oldest transaction still running, so a transaction that commits late is
 * read after, never skipped. A checkpoint is exclusive: reading from it returns later events.
 */
export interface Checkpoint {
  transactionId: number;
  globalPosition: number;
}

/** Before the first event. */
export const START: Checkpoint = Object.freeze({ transactionId: 0, globalPosition: 0 });

/**
 * `number`: the stream's current version must equal it (0 = the stream has no events);
 * `'no-stream'`: same as 0; `'any'`: no check.
 */
export type ExpectedVersion = number | 'no-stream' | 'any';

export interface AppendResult {
  /** The stream's version after the append (= version of the last appended event). */
  nextVersion: number;
  /** `globalPosition` of the last appended event; `null` when `events` was empty. */
  lastPosition: number | null;
}
