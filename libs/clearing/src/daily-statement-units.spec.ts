import { buildDailyStatement, dayBounds, type TimedClearingEvent } from './daily-statement';

describe('daily statement: units into and out of custody', () => {
  it('shows unit deposits and withdrawals of the day per instrument, and the holdings they leave', () => {
    const { start } = dayBounds('2026-11-24');
    const events: TimedClearingEvent[] = [
      {
        at: start - 1,
        event: {
          type: 'UnitsDeposited',
          data: { member: 'm', instrument: 'CQEA-2025', qty: 1000, registryTransfer: 'custody:CQ:d0' },
        },
      },
      {
        at: start + 1,
        event: {
          type: 'UnitsDeposited',
          data: { member: 'm', instrument: 'CQEA-2025', qty: 500, registryTransfer: 'custody:CQ:d1' },
        },
      },
      {
        at: start + 2,
        event: {
          type: 'UnitsWithdrawn',
          data: { member: 'm', instrument: 'CQEA-2025', qty: 300, reference: 'w1' },
        },
      },
      {
        at: start + 3,
        event: {
          type: 'UnitsWithdrawn',
          data: { member: 'o', instrument: 'CQEA-2025', qty: 7, reference: 'w2' },
        },
      },
    ];
    const s = buildDailyStatement('m', '2026-11-24', events);
    expect(s.opening.holdings).toEqual({ 'CQEA-2025': { available: 1000, reserved: 0 } });
    expect(s.unitDeposits).toEqual({ 'CQEA-2025': 500 });
    expect(s.unitWithdrawals).toEqual({ 'CQEA-2025': 300 });
    expect(s.closing.holdings).toEqual({ 'CQEA-2025': { available: 1200, reserved: 0 } });
  });
});
