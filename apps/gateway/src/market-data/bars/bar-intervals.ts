export const BAR_INTERVALS = ['1m', '5m', '1h', '1d'] as const;
export type BarInterval = (typeof BAR_INTERVALS)[number];

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Beijing time has no daylight saving: a trading day is a fixed UTC+8 calendar day. */
const BEIJING_OFFSET = 8 * 60 * MINUTE;

const LENGTH: Record<BarInterval, number> = { '1m': MINUTE, '5m': 5 * MINUTE, '1h': 60 * MINUTE, '1d': DAY };

/** Start (ms since the epoch) of the bar holding `atMs`; daily bars start at 00:00 Beijing time. */
export function barStart(interval: BarInterval, atMs: number): number {
  const offset = interval === '1d' ? BEIJING_OFFSET : 0;
  const length = LENGTH[interval];
  return Math.floor((atMs + offset) / length) * length - offset;
}
