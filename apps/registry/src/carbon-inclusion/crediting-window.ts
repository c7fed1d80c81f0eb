import { isoDayNumber } from '@app/recognition';
import type { RegistryJurisdiction } from '../shared/registry-jurisdiction';

/**
 * The window in which a province's carbon-inclusion programme credits activity: from the year its
 * platform started (Chengdu 碳惠天府 2020, Chongqing 碳惠通 2021 — design assumptions, unverified), and at
 * most one year of activity per record, so one record cannot claim a decade of rooftop output at once.
 */
export const CREDITING_WINDOW: Readonly<
  Record<RegistryJurisdiction, { readonly programme: string; readonly from: string }>
> = {
  CQ: { programme: '碳惠通 (Chongqing)', from: '2021-01-01' },
  SC: { programme: '碳惠天府 (Sichuan)', from: '2020-01-01' },
};
export const MAX_PERIOD_DAYS = 366;

/** The field and reason a record's period falls outside the window, if it does (valid dates assumed). */
export function outsideWindow(
  jurisdiction: RegistryJurisdiction,
  periodStart: string,
  periodEnd: string,
): { field: 'periodStart' | 'periodEnd'; reason: string } | undefined {
  const window = CREDITING_WINDOW[jurisdiction];
  const start = isoDayNumber(periodStart);
  const end = isoDayNumber(periodEnd);
  if (start === undefined || end === undefined) return undefined;
  if (start < (isoDayNumber(window.from) as number))
    return { field: 'periodStart', reason: `${window.programme} credits activity from ${window.from}` };
  if (end - start + 1 > MAX_PERIOD_DAYS)
    return { field: 'periodEnd', reason: `a record covers at most ${MAX_PERIOD_DAYS} days` };
  return undefined;
}

/** Today's date in China (UTC+8, no daylight saving) from epoch milliseconds. */
export function chinaDay(epochMs: number): string {
  return new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 10);
}
