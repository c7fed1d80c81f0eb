import type { EntityManager } from 'typeorm';
import { OUTBOX_CHANNEL } from '../schema/messaging-schema.migration';

export interface OutboxMessage {
  queue: string;
  name: string;
  payload: unknown;
  /** The idempotency (command) id: enqueuing it again is a no-op, and consumers dedupe by it. */
  messageId: string;
}

export interface OutboxOptions {
  /** NOTIFY relays when the rows commit (default true); they poll regardless. */
  notify?: boolean;
}

/**
 * Writes messages in the caller's transaction, beside the events or rows that caused them: they
 * are sent if and only if that transaction commits.
 */
export class Outbox {
  private readonly notify: boolean;

  constructor(options: OutboxOptions = {}) {
    this.notify = options.notify ?? true;
  }

  async enqueue(manager: EntityManager, messages: readonly OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    // pg_notify is transactional: relays hear it only once (and only if) the rows commit.
    const notify = this.notify ? `, (SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM inserted LIMIT 1)` : '';
    await manager.query(
      `WITH inserted AS (
         INSERT INTO outbox (queue, name, payload, message_id)
         SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[])
         ON CONFLICT (message_id) DO NOTHING
         RETURNING id
       )
       SELECT count(*)::int AS inserted${notify} FROM inserted`,
      [
        messages.map((m) => m.queue),
        messages.map((m) => m.name),
        messages.map((m) => JSON.stringify(m.payload ?? null)),
        messages.map((m) => m.messageId),
      ],
    );
  }
}
