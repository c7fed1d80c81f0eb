import { MigrationInterface, QueryRunner } from 'typeorm';

/** OHLCV bars, and the indexes behind "my orders" and "my trades". */
export class MarketDataReadModels1764000500000 implements MigrationInterface {
  name = 'MarketDataReadModels1764000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bars (
        instrument text NOT NULL,
        interval text NOT NULL,
        bucket_start bigint NOT NULL,
        open bigint NOT NULL,
        high bigint NOT NULL,
        low bigint NOT NULL,
        close bigint NOT NULL,
        volume bigint NOT NULL,
        turnover bigint NOT NULL,
        trades integer NOT NULL,
        first_trade_no integer NOT NULL,
        last_trade_no integer NOT NULL,
        PRIMARY KEY (instrument, interval, bucket_start)
      )`);
    await q.query('CREATE INDEX orders_view_by_account ON orders_view (account, updated_position DESC)');
    await q.query('CREATE INDEX trades_by_buyer ON trades (buyer, global_position DESC)');
    await q.query('CREATE INDEX trades_by_seller ON trades (seller, global_position DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX trades_by_seller');
    await q.query('DROP INDEX trades_by_buyer');
    await q.query('DROP INDEX orders_view_by_account');
    await q.query('DROP TABLE bars');
  }
}
