import type { BookEvent, ReportBlockTradeMessage } from '@app/contracts';
import { openSessionsAt, type TradingHours } from '@app/platform';

/**
 * A block trade reported outside the hours' block windows (national default 13:00–15:00), by the
 * gateway's receipt time, is refused as `outside-block-session`; inside them: undefined.
 */
export function outsideBlockWindow(m: ReportBlockTradeMessage, hours: TradingHours): BookEvent[] | undefined {
  if (openSessionsAt(hours, m.receivedAt).includes('block')) return undefined;
  const { instrument, tradeId, buyOrderId, sellOrderId } = m;
  return [
    {
      type: 'BlockTradeRejected',
      data: { instrument, tradeId, buyOrderId, sellOrderId, reason: 'outside-block-session' },
    },
  ];
}
