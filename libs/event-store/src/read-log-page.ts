import type { EntityManager } from 'typeorm';
import { READ_LOG_SQL, unpackRows, type PackedRow } from './sql/rows';
import type { StoredEvent } from './types';

/**
 * Up to `limit` events after a position, in position order: for tools that fold the whole log
 * with its writers stopped (a repair, a migration). Live readers use the commit-safe
 * `EventStore.readAll` or a subscription, which cannot skip a late commit.
 */
export async function readLogPage(
  manager: EntityManager,
  afterPosition: number,
  limit: number,
): Promise<StoredEvent[]> {
  const rows = await manager.query<PackedRow[]>(READ_LOG_SQL, [afterPosition, limit]);
  return unpackRows(rows, limit, (e) => e.globalPosition > afterPosition);
}
