import { EntityManager } from 'typeorm';
import { TradeExecutedData } from '@app/contracts';
import type { StoredEvent } from '@app/event-store';
import { BAR_INTERVALS, barStart } from './bar-intervals';

interface BarDelta {
  instrument: string;
  interval: string;
  start: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  turnover: number;
  trades: number;
  firstTradeNo: number;
  lastTradeNo: number;
}

/**
 * OHLCV bars per instrument and interval from TradeExecuted, bucketed by the trade's time. A batch
 * is folded in memory, then merged into the stored bars; a bar only takes trades numbered after
 * its last one, so a batch seen twice changes nothing and a replay gives the same rows.
 */
export class BarsProjection {
  readonly name = 'bars';

  async handle(events: readonly StoredEvent[], manager: EntityManager): Promise<void> {
    const bars = new Map<string, BarDelta>();
    for (const event of events) {
      if (event.type !== 'TradeExecuted') continue;
      const t = event.data as TradeExecutedData;
      for (const interval of BAR_INTERVALS) {
        const start = barStart(interval, t.executedAt);
        const key = `${t.instrument}|${interval}|${start}`;
        const bar = bars.get(key);
        if (!bar) {
          bars.set(key, {
            instrument: t.instrument,
            interval,
            start,
            open: t.price,
            high: t.price,
            low: t.price,
            close: t.price,
            volume: t.qty,
            turnover: t.price * t.qty,
            trades: 1,
            firstTradeNo: t.tradeNo,
            lastTradeNo: t.tradeNo,
          });
        } else {
          bar.high = Math.max(bar.high, t.price);
          bar.low = Math.min(bar.low, t.price);
          bar.close = t.price;
          bar.volume += t.qty;
          bar.turnover += t.price * t.qty;
          bar.trades += 1;
          bar.lastTradeNo = t.tradeNo;
        }
      }
    }
    if (bars.size > 0) await this.merge([...bars.values()], manager);
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('TRUNCATE bars');
  }

  private async merge(bars: BarDelta[], manager: EntityManager): Promise<void> {
    const columns = 12;
    const params: unknown[] = [];
    const tuples = bars.map((b, i) => {
      params.push(
        b.instrument,
        b.interval,
        b.start,
        b.open,
        b.high,
        b.low,
        b.close,
        b.volume,
        b.turnover,
        b.trades,
        b.firstTradeNo,
        b.lastTradeNo,
      );
      return `(${Array.from({ length: columns }, (_, c) => `$${i * columns + c + 1}`).join(', ')})`;
    });
    await manager.query(
      `INSERT INTO bars (instrument, interval, bucket_start, open, high, low, close, volume, turnover,
         trades, first_trade_no, last_trade_no)
       VALUES ${tuples.join(', ')}
       ON CONFLICT (instrument, interval, bucket_start) DO UPDATE SET
         high = GREATEST(bars.high, EXCLUDED.high), low = LEAST(bars.low, EXCLUDED.low), close = EXCLUDED.close,
         volume = bars.volume + EXCLUDED.volume, turnover = bars.turnover + EXCLUDED.turnover,
         trades = bars.trades + EXCLUDED.trades, last_trade_no = EXCLUDED.last_trade_no
       WHERE bars.last_trade_no < EXCLUDED.first_trade_no`,
      params,
    );
  }
}
