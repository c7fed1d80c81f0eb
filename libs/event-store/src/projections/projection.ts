import type { EntityManager } from 'typeorm';
import type { EventShape, StoredEvent } from '../types';

/**
 * A read model fed from the global log. `handle` writes its rows with `manager`, inside the
 * transaction that also advances its checkpoint, so a batch is applied exactly once.
 * It must be deterministic: replaying from the start has to produce the same rows.
 */
export interface Projection<E extends EventShape = EventShape> {
  readonly name: string;
  handle(events: StoredEvent<E>[], manager: EntityManager): Promise<void>;
  /** Empties the read model before a rebuild (same transaction as the checkpoint reset). */
  reset?(manager: EntityManager): Promise<void>;
}
