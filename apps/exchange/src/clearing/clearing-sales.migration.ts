import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The units each member has sold of each instrument, kept with the balances in the settlement's
 * statement: Chongqing's free-allocation sell limit reads it in the reservation's transaction.
 * Filled from the trades already settled (the sell leg of each `TradeSettled`).
 */
/** Every seller's sold units from the settled trades in the log (the sell leg, as `legsOf`). */
export const FILL_CLEARING_SALES = `
  INSERT INTO clearing_sales (member_id, instrument, sold)
  SELECT data->>'seller', COALESCE(data->'legs'->'sell'->>'instrument', data->>'instrument'),
         sum(COALESCE(data->'legs'->'sell'->>'qty', data->>'qty')::bigint)
    FROM events WHERE type = 'TradeSettled' GROUP BY 1, 2`;

export class ClearingSales1764000310000 implements MigrationInterface {
  name = 'ClearingSales1764000310000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE clearing_sales (
        member_id text NOT NULL,
        instrument text NOT NULL,
        sold bigint NOT NULL CHECK (sold >= 0),
        PRIMARY KEY (member_id, instrument)
      )`);
    await q.query(FILL_CLEARING_SALES);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE clearing_sales');
  }
}
