import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrdersReadModel1764000210000 implements MigrationInterface {
  name = 'OrdersReadModel1764000210000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE orders_view (
        order_id text PRIMARY KEY,
        instrument text NOT NULL,
        account text,
        side text,
        type text,
        price bigint,
        qty bigint NOT NULL DEFAULT 0,
        filled bigint NOT NULL DEFAULT 0,
        remaining bigint NOT NULL DEFAULT 0 CHECK (remaining >= 0),
        status text NOT NULL,
        reason text,
        updated_position bigint NOT NULL
      )`);
    await q.query(
      `CREATE INDEX orders_view_resting ON orders_view (instrument, side, price) WHERE remaining > 0`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE orders_view');
  }
}
