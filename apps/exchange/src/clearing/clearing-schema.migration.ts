import { MigrationInterface, QueryRunner } from 'typeorm';
import { ClearingSales1764000310000 } from './clearing-sales.migration';

/**
 * Members' balances as rows the hot paths update with single atomic statements. The CHECKs are
 * the last line of defence: a change that would take any figure below zero aborts its whole
 * transaction. Every change to these rows is also a clearing event in the event store, the
 * truth they can be rebuilt from (`rebuildClearingRows` in `clearing-replay.ts`).
 */
export class ClearingSchema1764000300000 implements MigrationInterface {
  name = 'ClearingSchema1764000300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clearing_members (
        member_id text PRIMARY KEY,
        name text NOT NULL,
        jurisdiction text NOT NULL,
        position_limit bigint CHECK (position_limit > 0),
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE clearing_cash (
        member_id text PRIMARY KEY REFERENCES clearing_members,
        available bigint NOT NULL DEFAULT 0 CHECK (available >= 0),
        reserved bigint NOT NULL DEFAULT 0 CHECK (reserved >= 0)
      )`);
    await q.query(`
      CREATE TABLE clearing_holdings (
        member_id text NOT NULL REFERENCES clearing_members,
        instrument text NOT NULL,
        available bigint NOT NULL DEFAULT 0 CHECK (available >= 0),
        reserved bigint NOT NULL DEFAULT 0 CHECK (reserved >= 0),
        incoming bigint NOT NULL DEFAULT 0 CHECK (incoming >= 0),
        PRIMARY KEY (member_id, instrument)
      )`);
    await q.query(`
      CREATE TABLE clearing_orders (
        order_id text PRIMARY KEY,
        member_id text NOT NULL,
        instrument text NOT NULL,
        side text NOT NULL CHECK (side IN ('buy', 'sell')),
        reserve_price bigint NOT NULL,
        fee_bp integer NOT NULL,
        open_qty bigint NOT NULL CHECK (open_qty >= 0),
        filled bigint NOT NULL DEFAULT 0 CHECK (filled >= 0),
        reserved bigint NOT NULL CHECK (reserved >= 0),
        amend_top_up bigint CHECK (amend_top_up >= 0)
      )`);
    await q.query(`
      CREATE TABLE clearing_fees (
        instrument text PRIMARY KEY,
        collected bigint NOT NULL CHECK (collected >= 0)
      )`);
    // Deposits and withdrawals are idempotent by the member's own reference.
    await q.query(`
      CREATE TABLE clearing_requests (
        member_id text NOT NULL,
        kind text NOT NULL,
        reference text NOT NULL,
        body_hash text NOT NULL,
        PRIMARY KEY (member_id, kind, reference)
      )`);
    await q.query(`
      CREATE TABLE closing_prices (
        instrument text NOT NULL,
        trading_date date NOT NULL,
        price bigint NOT NULL CHECK (price > 0),
        volume bigint NOT NULL,
        rule text NOT NULL,
        PRIMARY KEY (instrument, trading_date)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'closing_prices',
      'clearing_requests',
      'clearing_fees',
      'clearing_orders',
      'clearing_holdings',
      'clearing_cash',
      'clearing_members',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}

export const CLEARING_MIGRATIONS = [ClearingSchema1764000300000, ClearingSales1764000310000];
