/** Today's calendar day in Beijing (the exchange's calendar: trading days, approvals, auction dates). */
export function beijingToday(nowMs: number): string {
  return new Date(nowMs + 8 * 3_600_000).toISOString().slice(0, 10);
}
