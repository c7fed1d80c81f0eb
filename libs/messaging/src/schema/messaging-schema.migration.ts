import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Channel NOTIFY'd when outbox rows commit; relays LISTEN on it and also poll (PGlite may not deliver it). */
export const OUTBOX_CHANNEL = 'messaging_outbox';

/**
 * The transactional outbox and the consumers' dedupe records (ARCHITECTURE.md "Events are the
 * truth"). `published_at` is set only once the transport accepted the message; a row stays
 * unacknowledged until some consumer has recorded it in `processed_messages`, so the relay can
 * re-send whatever a lost Redis forgot.
 */
export class MessagingSchema1764000100000 implements MigrationInterface {
  name = 'MessagingSchema1764000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        queue text NOT NULL,
        name text NOT NULL,
        payload jsonb NOT NULL,
        message_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz NULL,
        acknowledged_at timestamptz NULL,
        CONSTRAINT outbox_message_id_key UNIQUE (message_id)
      )`);
    await queryRunner.query(`CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL`);
    await queryRunner.query(
      `CREATE INDEX outbox_unacknowledged_idx ON outbox (id) WHERE published_at IS NOT NULL AND acknowledged_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE processed_messages (
        consumer text NOT NULL,
        message_id text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, message_id)
      )`);
    // The relay's sweep asks "has anyone handled this message?", whatever the consumer.
    await queryRunner.query(
      `CREATE INDEX processed_messages_message_id_idx ON processed_messages (message_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS processed_messages`);
    await queryRunner.query(`DROP TABLE IF EXISTS outbox`);
  }
}

export const MESSAGING_MIGRATIONS = [MessagingSchema1764000100000];

/** Messaging uses explicit SQL (STYLE.md §10), so it registers no entities. */
export const MESSAGING_ENTITIES: never[] = [];
