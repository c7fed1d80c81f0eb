import { formatFen } from '../trading/order-ticket-rules';

/** The console's number, money and date formats for one locale (zh-CN or en-US). */
export interface LocaleFormat {
  /** Whole numbers (units, tonnes, counts) with the locale's grouping: 1,234,567. */
  number: (value: number) => string;
  /** Integer fen as yuan with two decimals and grouping: 1234567 → "12,345.67" (no currency sign). */
  yuan: (fen: number) => string;
  /** Basis points as a percentage: 1250 → "12.5%". */
  percentBp: (bp: number) => string;
  /** A calendar day ("2025-06-15", or an ISO instant whose day it is) in the locale's long form. */
  date: (day: string) => string;
  /** Date and time, short. */
  dateTime: (value: number) => string;
  /** Time of day with seconds. */
  time: (value: number) => string;
}

const cache = new Map<string, LocaleFormat>();

export function localeFormat(locale: string): LocaleFormat {
  const known = cache.get(locale);
  if (known) return known;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const format: LocaleFormat = {
    number: (value) => number.format(value),
    // The exact decimal string, not fen / 100: Intl formats a numeric string without rounding through binary.
    yuan: (fen) => money.format(formatFen(fen) as `${number}`),
    percentBp: (bp) => percent.format(bp / 10_000),
    // A bare date is a calendar day, not an instant: read and shown in UTC so no zone shifts it.
    date: (day) => date.format(new Date(`${day.slice(0, 10)}T00:00:00Z`)),
    dateTime: (value) => dateTime.format(value),
    time: (value) => time.format(value),
  };
  cache.set(locale, format);
  return format;
}
