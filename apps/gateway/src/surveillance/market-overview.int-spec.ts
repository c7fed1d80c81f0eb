import { createTestDatabase, TestDatabase } from '@app/platform/testing';
import { ALL_MIGRATIONS } from '../gateway.app';
import { MarketOverviewController } from './market-overview.controller';

describe('regulators market view over the trades read model (PostgreSQL)', () => {
  let db: TestDatabase;
  let controller: MarketOverviewController;

  beforeAll(async () => {
    db = await createTestDatabase({ migrations: ALL_MIGRATIONS });
    controller = new MarketOverviewController(db.dataSource);
    const trade = (no: number, price: number, qty: number, buyer: string, seller: string, at: number) =>
      db.dataSource.query(
        `INSERT INTO trades (instrument, trade_no, price, qty, buyer, seller, buy_order_id, sell_order_id,
           maker_order_id, taker_order_id, aggressor, executed_at, global_position)
         VALUES ('CQEA-2025', $1::int, $2, $3, $4, $5, 'b', 's', 's', 'b', 'buy', $6, $1::bigint)`,
        [no, price, qty, buyer, seller, at],
      );
    await trade(1, 3600, 100, 'a', 'b', 1000);
    await trade(2, 3650, 100, 'a', 'c', 2000);
    await trade(3, 3700, 50, 'a', 'a', 3000); // a wash trade
  });
  afterAll(() => db?.drop());

  it('sums activity, computes the concentration and counts wash trades per instrument', async () => {
    // member volumes (bought + sold): a 100+100+50+50 = 300, b 100, c 100 → V 500, shares 60/20/20 %
    expect(await controller.market({})).toEqual([
      {
        instrument: 'CQEA-2025',
        trades: 3,
        volume: 250,
        turnover: 3600 * 100 + 3650 * 100 + 3700 * 50,
        vwap: 3640,
        last: 3700,
        high: 3700,
        low: 3600,
        members: 3,
        hhi: 3600 + 400 + 400,
        top: { member: 'a', shareBp: 6000 },
        selfTrades: 1,
      },
    ]);
  });

  it('limits the window to [from, to)', async () => {
    const [row] = await controller.market({ from: 2000, to: 3000 });
    expect(row).toMatchObject({ trades: 1, volume: 100, selfTrades: 0, hhi: 5000 });
  });
});
