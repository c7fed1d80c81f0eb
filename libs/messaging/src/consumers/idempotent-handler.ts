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

/** As {@link TransactionalHandler}, for the messages of a batch not yet processed, in order. */
export type TransactionalBatchHandler = (
  messages: readonly TransportMessage[],
  manager: EntityManager,
) => Promise<void>;

/**
 * {@link idempotentHandler} for a batch: one transaction records every message id of the batch
 * (one statement) and runs the handler on those not recorded before, in the batch's order. All
 * of them commit or none do.
 */
export function idempotentBatchHandler(
  dataSource: DataSource,
  consumer: string,
  handler: TransactionalBatchHandler,
): (messages: readonly TransportMessage[]) => Promise<void> {
  return (messages) =>
    dataSource.transaction(async (manager) => {
      const recorded = (await manager.query(
        `INSERT INTO processed_messages (consumer, message_id)
         SELECT $1, id FROM unnest($2::text[]) AS id
         ON CONFLICT DO NOTHING RETURNING message_id`,
        [consumer, messages.map((m) => m.id)],
      )) as { message_id: string }[];
      if (recorded.length === 0) return;
      const fresh = new Set(recorded.map((row) => row.message_id));
      await handler(
        messages.filter((m) => fresh.delete(m.id)),
        manager,
      );
    });
}
