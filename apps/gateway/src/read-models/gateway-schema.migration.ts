import { MigrationInterface, QueryRunner } from 'typeorm';

export class GatewaySchema1764000200000 implements MigrationInterface {
  name = 'GatewaySchema1764000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE order_requests (
        order_id text PRIMARY KEY,
        body_hash text NOT NULL,
        ack jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE trades (
        instrument text NOT NULL,
        trade_no integer NOT NULL,
        price bigint NOT NULL CHECK (price > 0),
        qty bigint NOT NULL CHECK (qty > 0),
        buyer text NOT NULL,
        seller text NOT NULL,
        buy_order_id text NOT NULL,
        sell_order_id text NOT NULL,
        maker_order_id text NOT NULL,
        taker_order_id text NOT NULL,
        aggressor text NOT NULL,
        executed_at bigint NOT NULL,
        global_position bigint NOT NULL,
        PRIMARY KEY (instrument, trade_no)
      )`);
    await q.query('CREATE INDEX trades_by_position ON trades (global_position DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE trades');
    await q.query('DROP TABLE order_requests');
  }
}
