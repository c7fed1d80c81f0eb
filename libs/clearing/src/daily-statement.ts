import type { ClearingEvent } from './clearing-events';
import { deltasOf } from './clearing-deltas';

export interface TimedClearingEvent {
  /** Milliseconds since the epoch at which the event was recorded. */
  at: number;
  event: ClearingEvent;
}

export interface BalanceFigures {
  available: number;
  reserved: number;
}

export interface StatementTrade {
  instrument: string;
  tradeNo: number;
  side: 'buy' | 'sell';
  price: number;
  qty: number;
  notional: number;
  fee: number;
  block: boolean;
}

export interface DailyStatement {
  member: string;
  date: string;
  opening: { cash: BalanceFigures; holdings: Record<string, BalanceFigures> };
  deposits: number;
  withdrawals: number;
  unitDeposits: Record<string, number>;
  unitWithdrawals: Record<string, number>;
  trades: StatementTrade[];
  fees: number;
  closing: { cash: BalanceFigures; holdings: Record<string, BalanceFigures> };
}

/** China Standard Time, the exchange's calendar: a trading day runs 00:00–24:00 UTC+8. */
const UTC_PLUS_8 = 8 * 3_600_000;
const DAY = 86_400_000;

export function dayBounds(date: string): { start: number; end: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`bad date ${date}`);
  const start = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) * DAY - UTC_PLUS_8;
  return { start, end: start + DAY };
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm; no `Date` in the core). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * One member's day: balances at the start, what moved (cash in and out, units deposited, trades
 * with their fees) and balances at the end, all from the clearing events in log order.
 */
export function buildDailyStatement(
  member: string,
  date: string,
  events: readonly TimedClearingEvent[],
): DailyStatement {
  const { start, end } = dayBounds(date);
  const cash: BalanceFigures = { available: 0, reserved: 0 };
  const holdings: Record<string, BalanceFigures> = {};
  const snapshot = () => ({
    cash: { ...cash },
    holdings: Object.fromEntries(Object.entries(holdings).map(([k, v]) => [k, { ...v }])),
  });
  let opening: DailyStatement['opening'] | null = null;
  const statement = {
    deposits: 0,
    withdrawals: 0,
    unitDeposits: {} as Record<string, number>,
    unitWithdrawals: {} as Record<string, number>,
    trades: [] as StatementTrade[],
    fees: 0,
  };
  for (const { at, event } of events) {
    if (at >= end) break;
    if (at >= start && !opening) opening = snapshot();
    if (at >= start) collect(member, event, statement);
    for (const b of deltasOf(event).balances) {
      if (b.member !== member) continue;
      const target =
        b.instrument === null ? cash : (holdings[b.instrument] ??= { available: 0, reserved: 0 });
      target.available += b.available;
      target.reserved += b.reserved;
    }
  }
  return { member, date, opening: opening ?? snapshot(), ...statement, closing: snapshot() };
}

function collect(
  member: string,
  event: ClearingEvent,
  s: Pick<
    DailyStatement,
    'deposits' | 'withdrawals' | 'unitDeposits' | 'unitWithdrawals' | 'trades' | 'fees'
  >,
): void {
  switch (event.type) {
    case 'CashDeposited':
      if (event.data.member === member) s.deposits += event.data.amount;
      return;
    case 'CashWithdrawn':
      if (event.data.member === member) s.withdrawals += event.data.amount;
      return;
    case 'UnitsDeposited':
      if (event.data.member === member)
        s.unitDeposits[event.data.instrument] = (s.unitDeposits[event.data.instrument] ?? 0) + event.data.qty;
      return;
    case 'UnitsWithdrawn':
      if (event.data.member === member)
        s.unitWithdrawals[event.data.instrument] =
          (s.unitWithdrawals[event.data.instrument] ?? 0) + event.data.qty;
      return;
    case 'UnitsWithdrawalRefused':
      // The registry refused it: the withdrawal is undone.
      if (event.data.member === member)
        s.unitWithdrawals[event.data.instrument] =
          (s.unitWithdrawals[event.data.instrument] ?? 0) - event.data.qty;
      return;
    case 'TradeSettled': {
      const d = event.data;
      for (const side of ['buy', 'sell'] as const) {
        if ((side === 'buy' ? d.buyer : d.seller) !== member) continue;
        const fee = side === 'buy' ? d.buyerFee : d.sellerFee;
        s.trades.push({
          instrument: d.instrument,
          tradeNo: d.tradeNo,
          side,
          price: d.price,
          qty: d.qty,
          notional: d.price * d.qty,
          fee,
          block: d.block === true,
        });
        s.fees += fee;
      }
      return;
    }
    default:
      return;
  }
}
