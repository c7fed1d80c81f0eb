import type { ClearingEvent, TradeSettledData } from '@app/clearing';
import { rowChanges, rowWriteStatement } from './clearing-rows.sql';

const trade = (d: Partial<TradeSettledData>): ClearingEvent => ({
  type: 'TradeSettled',
  data: {
    instrument: 'CQEA-2025',
    tradeNo: 1,
    price: 3600,
    qty: 100,
    buyer: 'b',
    seller: 's',
    buyOrderId: 'o-b',
    sellOrderId: 'o-s',
    buyerFee: 0,
    sellerFee: 0,
    buyerReleased: 0,
    ...d,
  },
});

describe('units sold, per seller and instrument (clearing_sales)', () => {
  it("adds each settled trade's sell leg to its seller's total, a linked trade's in its own units", () => {
    const changes = rowChanges([
      trade({ qty: 100 }),
      trade({ tradeNo: 2, qty: 50 }),
      trade({ tradeNo: 3, seller: 't', qty: 7 }),
      trade({
        instrument: 'CQSC-LINKED',
        tradeNo: 1,
        qty: 10,
        legs: { buy: { instrument: 'CQEA-2025', qty: 12 }, sell: { instrument: 'SCEA-2025', qty: 9 } },
      }),
    ]);
    expect([...changes.sales.values()]).toEqual([
      ['s', 'CQEA-2025', 150],
      ['t', 'CQEA-2025', 7],
      ['s', 'SCEA-2025', 9],
    ]);
    expect(rowWriteStatement(changes, new Set())!.sql).toContain('INSERT INTO clearing_sales');
  });

  it('writes no sales for events that are not trades', () => {
    const changes = rowChanges([
      { type: 'MemberRegistered', data: { member: 'm', name: 'm', jurisdiction: 'CQ' } } as ClearingEvent,
    ]);
    expect(changes.sales.size).toBe(0);
  });
});
