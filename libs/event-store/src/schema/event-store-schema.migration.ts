import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_EVENTS_COMMIT_ORDER_INDEX, CREATE_EVENTS_TABLE } from './events-table.sql';
import { PackedEvents1764000600000 } from './packed-events.migration';

/** Channel NOTIFY'd by appends; subscribers LISTEN on it and also poll, since PGlite may not deliver it. */
export const EVENT_STORE_CHANNEL = 'event_store_appended';

/**
 * The event store schema (ARCHITECTURE.md "Events are the truth"). `transaction_id` lets readers
 * stop at the oldest running transaction, so a late-committing transaction is never skipped.
 */
export class EventStoreSchema1764000000000 implements MigrationInterface {
  name = 'EventStoreSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE streams (
        stream_id text PRIMARY KEY,
        version int NOT NULL CHECK (version >= 0)
      )`);
    await queryRunner.query(CREATE_EVENTS_TABLE);
    await queryRunner.query(CREATE_EVENTS_COMMIT_ORDER_INDEX);
    await queryRunner.query(`
      CREATE TABLE snapshots (
        stream_id text PRIMARY KEY,
        version int NOT NULL,
        state jsonb NOT NULL,
        saved_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE projection_checkpoints (
        name text PRIMARY KEY,
        position bigint NOT NULL DEFAULT 0,
        transaction_id xid8 NOT NULL DEFAULT '0'::xid8,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS projection_checkpoints`);
    await queryRunner.query(`DROP TABLE IF EXISTS snapshots`);
    await queryRunner.query(`DROP TABLE IF EXISTS events`);
    await queryRunner.query(`DROP TABLE IF EXISTS streams`);
  }
}

export const EVENT_STORE_MIGRATIONS = [EventStoreSchema1764000000000, PackedEvents1764000600000];

/** The store uses explicit SQL (STYLE.md §10), so it registers no entities. */
export const EVENT_STORE_ENTITIES: never[] = [];
