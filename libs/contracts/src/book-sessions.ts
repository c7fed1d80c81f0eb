/** A book's trading session, as the matching engine names its states. */
export type BookSession = 'pre-open' | 'continuous' | 'closing-auction' | 'closed' | 'halted';

/**
 * Command `SetSession`: the session schedule reaching a book through its shard queue, in line
 * with the orders. `closesDay` marks the day's last close: DAY orders expire with it. The command
 * id names (instrument, trading day, boundary), so the schedule can send it any number of times.
 */
export interface SetSessionMessage {
  commandId: string;
  instrument: string;
  session: BookSession;
  /** Local date of the trading day in the instrument's time zone, YYYY-MM-DD. */
  tradingDay: string;
  closesDay: boolean;
  receivedAt: number;
}

export interface SessionChangedData {
  instrument: string;
  from: BookSession;
  to: BookSession;
  tradingDay: string;
  /** Milliseconds since the epoch, from the scheduler's clock. */
  at: number;
}
