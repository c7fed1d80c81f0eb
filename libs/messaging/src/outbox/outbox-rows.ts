import type { EntityManager } from 'typeorm';
import type { MessageTransport } from '../transport/message-transport';

export interface OutboxRow {
  id: string;
  queue: string;
  name: string;
  payload: unknown;
  message_id: string;
}

/**
 * Publishes rows keeping their id order within each queue (queues go in parallel). `again`: rows
 * published before and not processed since, sent with the transport's `republishBatch` if it has one.
 */
export async function publishRows(
  transport: MessageTransport,
  rows: readonly OutboxRow[],
  again = false,
): Promise<number> {
  const byQueue = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const list = byQueue.get(row.queue);
    if (list) list.push(row);
    else byQueue.set(row.queue, [row]);
  }
  const counts = await Promise.all(
    [...byQueue].map(async ([queue, list]) => {
      const messages = list.map((row) => ({ id: row.message_id, name: row.name, payload: row.payload }));
      if (again && transport.republishBatch) return transport.republishBatch(queue, messages);
      await transport.publishBatch(queue, messages);
      return messages.length;
    }),
  );
  return counts.reduce((sum, n) => sum + n, 0);
}

/** Sets a timestamp column on rows; a CTE so the driver returns plain rows whatever the command. */
export async function stamp(
  manager: EntityManager,
  column: 'published_at' | 'acknowledged_at',
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await manager.query(
    `WITH u AS (UPDATE outbox SET ${column} = clock_timestamp() WHERE id = ANY($1::bigint[]) RETURNING 1)
     SELECT count(*)::int AS n FROM u`,
    [ids],
  );
}
