import type { DataSource, EntityManager } from 'typeorm';
import type { TransportMessage } from '../transport/message-transport';

/** A handler whose database effects go through `manager`, in the dedupe record's transaction. */
export type TransactionalHandler = (message: TransportMessage, manager: EntityManager) => Promise<void>;

/**
 * Applies each message id at most once per consumer: the handler runs in a transaction that
 * first records (consumer, message id) in `processed_messages`. A redelivery finds the record and
 * is skipped; a concurrent one waits on the record's key and then skips; a failed handler rolls
 * the record back, so the retry applies it.
 */
export function idempotentHandler(
  dataSource: DataSource,
  consumer: string,
  handler: TransactionalHandler,
): (message: TransportMessage) => Promise<void> {
  return (message) =>
    dataSource.transaction(async (manager) => {
      const recorded = (await manager.query(
        `INSERT INTO processed_messages (consumer, message_id) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING message_id`,
        [consumer, message.id],
      )) as unknown[];
      if (recorded.length === 0) return;
      await handler(message, manager);
    });
}
