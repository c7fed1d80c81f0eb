import { bandBounds, OrderBookEngine } from '@app/matching';
import type { EventLog } from './event-log';
import { emptyBar, MarketSink, type OrderIds } from './market-sink';
import type { Trader } from '@app/agents';
import type { MarketRules, Scenario } from '../scenario/model';

/** One allowance market: its book, its sink, and the day's reference and band. */
export interface Market {
  readonly id: string;
  readonly book: OrderBookEngine;
  readonly sink: MarketSink;
  reference: number;
  bandLow: number;
  bandHigh: number;
  /** Year accumulators: volume, notional (fen). */
  yearVolume: number;
  yearNotional: number;
  /** Trading volume and notional over the year's final tenth of days (after day `finalDaysFrom`). */
  finalVolume: number;
  finalNotional: number;
  finalDaysFrom: number;
  lastDayTraded: boolean;
  lastDayAtLimit: number;
}

/** Market ids for the partition: jurisdiction ids, or JOINT when linked. */
export function marketIds(s: Scenario): string[] {
  return s.linkage === 'linked' ? ['JOINT'] : s.jurisdictions.map((j) => j.id);
}

export function marketOfJurisdiction(s: Scenario, jurisdiction: string): string {
  return s.linkage === 'linked' ? 'JOINT' : jurisdiction;
}

export function openMarket(
  id: string,
  rules: MarketRules,
  log: EventLog,
  traders: Trader[],
  ids: OrderIds,
  expectedOrders: number,
): Market {
  const band = rules.priceLimitBp > 0 ? rules.priceLimitBp : undefined;
  const book = new OrderBookEngine({
    instrument: id,
    tick: rules.tick,
    referencePrice: rules.initialReferencePrice,
    bandBp: band,
    capacityHint: Math.min(1 << 22, Math.max(1 << 12, expectedOrders)),
  });
  const m: Market = {
    id,
    book,
    sink: new MarketSink(id, log, traders, ids),
    reference: rules.initialReferencePrice,
    bandLow: 0,
    bandHigh: 0,
    yearVolume: 0,
    yearNotional: 0,
    finalVolume: 0,
    finalNotional: 0,
    finalDaysFrom: 0,
    lastDayTraded: false,
    lastDayAtLimit: 0,
  };
  setReference(m, rules, rules.initialReferencePrice);
  return m;
}

export function setReference(m: Market, rules: MarketRules, price: number): void {
  m.reference = price;
  m.book.setReferencePrice(price, m.sink);
  const [lo, hi] = bandBounds(price, rules.priceLimitBp > 0 ? rules.priceLimitBp : -1, rules.tick);
  m.bandLow = Math.max(rules.tick, lo);
  m.bandHigh = Math.min(hi, price * 100);
}

/** VWAP in fen, rounded half-up; 0 without volume. */
export const vwapOf = (notional: number, volume: number): number =>
  volume > 0 ? Math.floor((2 * notional + volume) / (2 * volume)) : 0;

/**
 * Ends the market's day: logs the bar (close = the day's VWAP, else the previous close), adds it to
 * the year and resets it. Returns the close, the next day's reference.
 */
export function closeDay(m: Market, log: EventLog, year: number, day: number): number {
  const b = m.sink.bar;
  const vwap = vwapOf(b.notional, b.volume);
  const close = vwap > 0 ? vwap : m.reference;
  log.line(
    `{"type":"day-closed","year":${year},"day":${day},"market":"${m.id}","open":${b.open || close},"high":${b.high || close},"low":${b.low || close},"close":${close},"vwap":${vwap},"volume":${b.volume},"notional":${b.notional},"trades":${b.trades}}`,
  );
  m.yearVolume += b.volume;
  m.yearNotional += b.notional;
  if (day > m.finalDaysFrom) {
    m.finalVolume += b.volume;
    m.finalNotional += b.notional;
  }
  Object.assign(b, emptyBar());
  return close;
}
