import { buildDailyStatement, dayBounds, type TimedClearingEvent } from './daily-statement';

describe('daily statement', () => {
  it('a day is midnight to midnight China Standard Time', () => {
    expect(dayBounds('2026-11-24').start).toBe(1_795_478_400_000 - 8 * 3_600_000);
  });

  it('gives opening, deposits, trades with fees, and closing figures of one member', () => {
    const { start } = dayBounds('2026-11-24');
    const events: TimedClearingEvent[] = [
      {
        at: start - 1,
        event: { type: 'CashDeposited', data: { member: 'm', amount: 500_000, reference: 'w0' } },
      },
      {
        at: start + 1,
        event: { type: 'CashDeposited', data: { member: 'm', amount: 100_000, reference: 'w1' } },
      },
      {
        at: start + 2,
        event: {
          type: 'OrderReserved',
          data: {
            orderId: 'b1',
            member: 'm',
            instrument: 'X',
            side: 'buy',
            reservePrice: 100,
            qty: 10,
            feeBp: 10,
            amount: 1001,
          },
        },
      },
      {
        at: start + 3,
        event: {
          type: 'TradeSettled',
          data: {
            instrument: 'X',
            tradeNo: 1,
            price: 100,
            qty: 10,
            buyer: 'm',
            seller: 'o',
            buyOrderId: 'b1',
            sellOrderId: 's1',
            buyerFee: 1,
            sellerFee: 1,
            buyerReleased: 0,
          },
        },
      },
      {
        at: start + 86_400_000,
        event: { type: 'CashDeposited', data: { member: 'm', amount: 7, reference: 'next-day' } },
      },
    ];
    const s = buildDailyStatement('m', '2026-11-24', events);
    expect(s.opening.cash).toEqual({ available: 500_000, reserved: 0 });
    expect(s.deposits).toBe(100_000);
    expect(s.trades).toEqual([
      { instrument: 'X', tradeNo: 1, side: 'buy', price: 100, qty: 10, notional: 1000, fee: 1, block: false },
    ]);
    expect(s.fees).toBe(1);
    expect(s.closing.cash).toEqual({ available: 600_000 - 1001, reserved: 0 });
    expect(s.closing.holdings).toEqual({ X: { available: 10, reserved: 0 } });
  });
});
