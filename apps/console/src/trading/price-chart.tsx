import {
  CandlestickSeries,
  createChart,
  HistogramSeries,
  IChartApi,
  ISeriesApi,
  LineSeries,
  SeriesType,
  TickMarkType,
  UTCTimestamp,
} from 'lightweight-charts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { BarInterval, Trade } from '../api/types';
import { usePolling } from '../api/use-polling';
import { localeFormat } from '../format/locale-format';
import { barsToCandles, FALLING, RISING, tradesToPricePoints } from './price-points';

const INTERVALS: BarInterval[] = ['1m', '5m', '1h', '1d'];
type View = 'candles' | 'line';
/** The market's clock: daily bars start at 00:00 Beijing time, so the axis reads Beijing time too. */
const MARKET_ZONE = 'Asia/Shanghai';

/**
 * Candlesticks with a volume histogram from the gateway's bars (polled: the bars projection
 * follows the trades), or the line of the live trades; the interval and the view are the user's.
 */
export function PriceChart({ symbol, trades, locale }: { symbol: string; trades: Trade[]; locale: string }) {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('candles');
  const [interval, setBarInterval] = useState<BarInterval>('1m');
  const { data: bars, error } = usePolling(
    () => (view === 'candles' ? api.bars(symbol, interval) : Promise.resolve([])),
    2000,
    `${symbol}|${interval}|${view}`,
  );
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi>(undefined);
  const series = useRef<ISeriesApi<SeriesType>[]>([]);

  useEffect(() => {
    if (!container.current) return;
    chart.current = createChart(container.current, {
      height: 300,
      autoSize: true,
      timeScale: { rightOffset: 4, barSpacing: 10 },
    });
    return () => {
      chart.current?.remove();
      chart.current = undefined;
      series.current = [];
    };
  }, []);

  useEffect(() => {
    const format = localeFormat(locale);
    const at = (time: number, options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(locale, { timeZone: MARKET_ZONE, hourCycle: 'h23', ...options }).format(
        time * 1000,
      );
    chart.current?.applyOptions({
      localization: {
        locale,
        priceFormatter: (yuan: number) => format.yuan(Math.round(yuan * 100)),
        timeFormatter: (time: number) =>
          at(time, { dateStyle: 'medium', timeStyle: interval === '1d' ? undefined : 'medium' }),
      },
      timeScale: {
        timeVisible: interval !== '1d',
        secondsVisible: view === 'line',
        tickMarkFormatter: (time: number, type: TickMarkType) =>
          type === TickMarkType.Year
            ? at(time, { year: 'numeric' })
            : type === TickMarkType.Month
              ? at(time, { month: 'short' })
              : type === TickMarkType.DayOfMonth
                ? at(time, { month: 'numeric', day: 'numeric' })
                : at(time, {
                    hour: '2-digit',
                    minute: '2-digit',
                    second: type === TickMarkType.TimeWithSeconds ? '2-digit' : undefined,
                  }),
      },
    });
  }, [locale, interval, view]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    for (const s of series.current) c.removeSeries(s);
    if (view === 'line') {
      series.current = [c.addSeries(LineSeries, { color: FALLING, lineWidth: 2 })];
    } else {
      const candles = c.addSeries(CandlestickSeries, {
        upColor: RISING,
        borderUpColor: RISING,
        wickUpColor: RISING,
        downColor: FALLING,
        borderDownColor: FALLING,
        wickDownColor: FALLING,
      });
      // Volume in the bottom fifth, on its own scale, under the candles.
      const volume = c.addSeries(HistogramSeries, {
        priceScaleId: 'volume',
        priceFormat: { type: 'volume' },
        lastValueVisible: false, // the price scale's labels are prices; a volume there would read as one
        priceLineVisible: false,
      });
      c.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
      candles.priceScale().applyOptions({ scaleMargins: { top: 0.05, bottom: 0.25 } });
      series.current = [candles, volume];
    }
  }, [view]);

  useEffect(() => {
    const [main, volume] = series.current;
    if (!main) return;
    if (view === 'line') {
      main.setData(
        tradesToPricePoints(trades).map((p) => ({ time: p.time as UTCTimestamp, value: p.value })),
      );
      return;
    }
    const { candles, volumes } = barsToCandles(bars ?? []);
    main.setData(candles.map((c) => ({ ...c, time: c.time as UTCTimestamp })));
    volume?.setData(volumes.map((v) => ({ ...v, time: v.time as UTCTimestamp })));
  }, [view, trades, bars]);

  return (
    <section className="panel wide" aria-label={t('market.chart')}>
      <header className="chart-bar">
        <h2>{t('market.chart')}</h2>
        <div className="segmented" role="radiogroup" aria-label={t('chart.view')}>
          {(['candles', 'line'] as const).map((v) => (
            <label key={v} className={view === v ? 'on' : ''}>
              <input
                type="radio"
                name="chart-view"
                value={v}
                checked={view === v}
                onChange={() => setView(v)}
              />
              {t(`chart.${v}`)}
            </label>
          ))}
        </div>
        {view === 'candles' && (
          <label>
            {t('chart.interval')}
            <select
              name="chart-interval"
              value={interval}
              onChange={(e) => setBarInterval(e.target.value as BarInterval)}
            >
              {INTERVALS.map((i) => (
                <option key={i} value={i}>
                  {t(`chart.intervals.${i}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {view === 'candles' && error && (
          <span className="field-error">{t('errors.server', { message: error.message })}</span>
        )}
      </header>
      <div
        ref={container}
        className="chart"
        data-testid="price-chart"
        data-view={view}
        data-bars={view === 'candles' ? (bars?.length ?? 0) : undefined}
      />
    </section>
  );
}
