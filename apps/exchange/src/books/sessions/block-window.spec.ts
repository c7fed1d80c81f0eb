import type { ReportBlockTradeMessage } from '@app/contracts';
import type { TradingHours } from '@app/platform';
import { outsideBlockWindow } from './block-window';

const NATIONAL: TradingHours = {
  timezone: 'Asia/Shanghai',
  continuous: [
    ['09:30', '11:30'],
    ['13:00', '15:00'],
  ],
  block: [['13:00', '15:00']],
};
const reportedAt = (isoLocal: string): ReportBlockTradeMessage => ({
  commandId: 'block:t1',
  tradeId: 't1',
  instrument: 'CQEA-2025',
  buyer: 'cq-buyer',
  seller: 'cq-seller',
  buyOrderId: 't1-buy',
  sellOrderId: 't1-sell',
  price: 3600,
  qty: 100_000,
  receivedAt: Date.parse(`${isoLocal}+08:00`),
});

describe('outsideBlockWindow (block trades 13:00–15:00 Asia/Shanghai)', () => {
  it.each(['2026-11-24T13:00', '2026-11-24T14:59'])('lets a block reported at %s through', (at) => {
    expect(outsideBlockWindow(reportedAt(at), NATIONAL)).toBeUndefined();
  });

  it.each(['2026-11-24T10:00', '2026-11-24T15:00', '2026-11-28T14:00'])(
    'refuses a block reported at %s, naming both orders',
    (at) => {
      expect(outsideBlockWindow(reportedAt(at), NATIONAL)).toEqual([
        {
          type: 'BlockTradeRejected',
          data: {
            instrument: 'CQEA-2025',
            tradeId: 't1',
            buyOrderId: 't1-buy',
            sellOrderId: 't1-sell',
            reason: 'outside-block-session',
          },
        },
      ]);
    },
  );
});
