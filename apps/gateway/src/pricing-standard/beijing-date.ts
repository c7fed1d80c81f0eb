/** The calendar day (YYYY-MM-DD) in China Standard Time, the exchange's calendar, of an instant. */
export function beijingDate(epochMs: number): string {
  return new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 10);
}
