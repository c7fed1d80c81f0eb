import type { BookSession } from '@app/contracts';
import type { TradingHours } from '@app/platform';

/** A moment the schedule changes a book's session: the start or end of a continuous window. */
export interface SessionBoundary {
  /** Local date (YYYY-MM-DD) in the hours' time zone. */
  tradingDay: string;
  /** Local time HH:MM of the boundary. */
  at: string;
  session: Extract<BookSession, 'continuous' | 'closed'>;
  /** The day's last close: DAY orders expire. */
  closesDay: boolean;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function localDay(timezone: string, atMs: number): { date: string; weekday: number; time: string } {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timezone, format);
  }
  const p = Object.fromEntries(format.formatToParts(atMs).map((part) => [part.type, part.value]));
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday) + 1,
    time: `${p.hour}:${p.minute}`,
  };
}

/** The boundaries of one weekday, in time order: each window opens, then closes. */
function boundariesOfDay(hours: TradingHours, tradingDay: string): SessionBoundary[] {
  const windows = [...hours.continuous].sort(([a], [b]) => a.localeCompare(b));
  return windows.flatMap(([start, end], i): SessionBoundary[] => [
    { tradingDay, at: start, session: 'continuous', closesDay: false },
    { tradingDay, at: end, session: 'closed', closesDay: i === windows.length - 1 },
  ]);
}

/**
 * The latest boundary at or before `atMs` (Monday to Friday; public holidays are not in the
 * catalogue), or undefined when the hours have no continuous window. The break between two
 * windows is a plain close: DAY orders live until the day's last close.
 */
export function latestSessionBoundary(hours: TradingHours, atMs: number): SessionBoundary | undefined {
  if (hours.continuous.length === 0) return undefined;
  for (let daysBack = 0; daysBack <= 7; daysBack++) {
    const local = localDay(hours.timezone, atMs - daysBack * DAY_MS);
    if (local.weekday > 5) continue;
    const passed = boundariesOfDay(hours, local.date).filter((b) => daysBack > 0 || b.at <= local.time);
    if (passed.length > 0) return passed[passed.length - 1];
  }
  return undefined;
}

/** The way through the engine's session machine from one state to another (no auctions). */
export function sessionPath(from: BookSession, to: BookSession): BookSession[] {
  if (from === to) return [];
  if (to !== 'continuous') return [to];
  if (from === 'pre-open') return ['continuous'];
  if (from === 'closing-auction') return ['closed', 'pre-open', 'continuous'];
  return ['pre-open', 'continuous'];
}
