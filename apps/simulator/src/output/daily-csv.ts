import type { DailyRow } from '../replay/result';

/** daily.csv: one row per market per trading day (header first). */
export function dailyCsv(rows: readonly DailyRow[]): string {
  const out = ['year,day,market,open,high,low,close,vwap,volume'];
  for (const r of rows)
    out.push(`${r.year},${r.day},${r.market},${r.open},${r.high},${r.low},${r.close},${r.vwap},${r.volume}`);
  return out.join('\n') + '\n';
}
