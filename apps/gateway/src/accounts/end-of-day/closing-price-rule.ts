import { dayBounds, vwapOfListingTrades, type ClosingPriceRule } from '@app/clearing';
import { PRICING_ERRORS, PricingError, standardClosingPrice, type PricingStandard } from '@app/pricing';
import type { InstrumentDefinition } from '@app/platform';

/** The default when no pricing standard is in force: the national market's rule. */
export const NATIONAL_CLOSING_RULE: { name: string; rule: ClosingPriceRule } = {
  name: 'vwap-listing-trades',
  rule: vwapOfListingTrades,
};

/** One settled trade of the day with the time it was recorded. */
export interface TimedDayTrade {
  price: number;
  qty: number;
  block: boolean;
  atMs: number;
}

export interface DayClose {
  price: number;
  /** Units whose trades entered the close. */
  volume: number;
  /** Which rule set it: `vwap-listing-trades`, or `pricing-standard <version>: <basis>`. */
  rule: string;
}

export interface CloseInputs {
  date: string;
  trades: readonly TimedDayTrade[];
  /** The instrument's rules in force that day: its tick and reference price. */
  rules: Pick<InstrumentDefinition, 'tick' | 'referencePrice' | 'hours'>;
  previousClose?: number;
  /** With scheduled sessions the close is at the end of the day's last continuous session, else at midnight. */
  scheduledSessions: boolean;
}

/**
 * The day's close: by the pricing standard in force that day (window, venues, minimum volume,
 * fallbacks; rounded once to the tick), else by the national rule. A standard leaving no price
 * (no trades and no fallback that applies) carries the reference price over.
 */
export function closeOfDay(
  standard: { version: string; document: PricingStandard } | undefined,
  input: CloseInputs,
): DayClose {
  const { trades, rules, previousClose } = input;
  if (!standard) {
    return {
      price: NATIONAL_CLOSING_RULE.rule({
        trades,
        previousClose: previousClose ?? rules.referencePrice,
        tick: rules.tick,
      }),
      volume: trades.filter((t) => !t.block).reduce((s, t) => s + t.qty, 0),
      rule: NATIONAL_CLOSING_RULE.name,
    };
  }
  const rule = `pricing-standard ${standard.version}`;
  try {
    const close = standardClosingPrice(standard.document, {
      trades: trades.map((t) => ({
        priceFen: t.price,
        quantity: t.qty,
        atMs: t.atMs,
        venue: t.block ? 'block' : 'continuous',
      })),
      closeAtMs: closeAtMs(input),
      previousCloseFen: previousClose,
      referenceFen: rules.referencePrice,
      tickFen: rules.tick,
    });
    return { price: close.priceFen, volume: close.volume, rule: `${rule}: ${close.basis}` };
  } catch (error) {
    if (!(error instanceof PricingError) || error.code !== PRICING_ERRORS.NO_PRICE) throw error;
    return { price: rules.referencePrice, volume: 0, rule: `${rule}: no price, reference carried` };
  }
}

/** End of the last continuous session (China Standard Time, the exchange's calendar), or of the day. */
export function closeAtMs(input: Pick<CloseInputs, 'date' | 'rules' | 'scheduledSessions'>): number {
  const { start, end } = dayBounds(input.date);
  const last = input.rules.hours.continuous.at(-1);
  if (!input.scheduledSessions || !last) return end - 1;
  const [hh, mm] = last[1].split(':').map(Number);
  return start + (hh * 60 + mm) * 60_000;
}
