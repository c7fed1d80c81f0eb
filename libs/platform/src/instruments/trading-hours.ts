import { z } from 'zod';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');

/** One session window, local time in the catalogue's time zone; start before end. */
export const sessionWindowSchema = z
  .tuple([clockTime, clockTime])
  .refine(([start, end]) => start < end, 'the window must start before it ends');

export const tradingHoursSchema = z.strictObject({
  timezone: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai'),
  /** Continuous (listing) trading windows, Monday to Friday. */
  continuous: z.array(sessionWindowSchema),
  /** Block (negotiated) trade windows, Monday to Friday. */
  block: z.array(sessionWindowSchema),
});

export type TradingHours = z.infer<typeof tradingHoursSchema>;
export type SessionKind = 'continuous' | 'block';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Weekday (1 = Monday … 7 = Sunday) and HH:MM of an instant in a time zone. */
export function localClock(timezone: string, atMs: number): { weekday: number; time: string } {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(atMs).map((p) => [p.type, p.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday) + 1;
  return { weekday, time: `${parts.hour}:${parts.minute}` };
}

/**
 * Which kinds of trading the hours allow at an instant: windows include their start minute and
 * exclude their end minute (09:30–11:30 is open at 09:30 and closed at 11:30), weekdays only.
 * Public holidays are not in the catalogue; a regulator's decision can close a day by hours.
 */
export function openSessionsAt(hours: TradingHours, atMs: number): SessionKind[] {
  const { weekday, time } = localClock(hours.timezone, atMs);
  if (weekday > 5) return [];
  const open = (windows: readonly (readonly [string, string])[]) =>
    windows.some(([start, end]) => start <= time && time < end);
  const kinds: SessionKind[] = [];
  if (open(hours.continuous)) kinds.push('continuous');
  if (open(hours.block)) kinds.push('block');
  return kinds;
}
