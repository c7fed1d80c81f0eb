import { createChart, IChartApi, ISeriesApi, LineSeries, UTCTimestamp } from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Trade } from '../api/types';
import { tradesToPricePoints } from './price-points';

export function PriceChart({ trades }: { trades: Trade[] }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi>(undefined);
  const series = useRef<ISeriesApi<'Line'>>(undefined);

  useEffect(() => {
    if (!container.current) return;
    chart.current = createChart(container.current, {
      height: 260,
      autoSize: true,
      timeScale: { timeVisible: true, secondsVisible: true },
    });
    series.current = chart.current.addSeries(LineSeries, { color: '#0b7a53', lineWidth: 2 });
    return () => chart.current?.remove();
  }, []);

  useEffect(() => {
    series.current?.setData(
      tradesToPricePoints(trades).map((p) => ({ time: p.time as UTCTimestamp, value: p.value })),
    );
  }, [trades]);

  return (
    <section className="panel wide" aria-label={t('market.chart')}>
      <h2>{t('market.chart')}</h2>
      <div ref={container} className="chart" data-testid="price-chart" />
    </section>
  );
}
