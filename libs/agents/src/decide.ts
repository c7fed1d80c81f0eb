import type { Prng } from '@app/domain';
import { BUY_SIDE, demandAt, SELL_SIDE, type Trader, valueOfNextUnit } from './trader';

/** What a trader sees when it is its turn (simulated clock, no wall time). */
export interface MarketView {
  /** Previous close: centre of today's band. */
  readonly reference: number;
  readonly bandLow: number;
  readonly bandHigh: number;
  readonly tick: number;
  /** Penalty per tonne short at today's reference price, fen (multiplier × reference). */
  readonly penaltyPrice: number;
  /** Steps left in the year including this one (≥ 1). */
  readonly stepsLeft: number;
  /** Whether the previous day traded (its close is news; otherwise the close is stale). */
  readonly lastDayTraded: boolean;
  /** +1 when the previous day traded at its upper limit, −1 at its lower limit, else 0. */
  readonly lastDayAtLimit: number;
}

/** An order to post (reused object: the hot path allocates nothing). */
export interface OrderIntent {
  side: number;
  price: number;
  qty: number;
}

/** Quote adaptation in basis points of the quote: raise on unfilled, ease on filled (ZIP-like). */
export const UNFILLED_STEP_BP = 300;
export const FILLED_STEP_BP = 50;

const roundToTick = (p: number, tick: number): number => Math.max(tick, Math.round(p / tick) * tick);
const clamp = (p: number, lo: number, hi: number): number => (p < lo ? lo : p > hi ? hi : p);

/**
 * Updates the price belief from the outcome of the trader's previous order: a buyer left unfilled
 * expects a higher price next time and one that filled tries a little lower; a seller mirrors it.
 * The belief is not bounded by today's band (firms plan for the year's price, so a market stuck at
 * its limit still moves); only the order price is.
 */
export function adaptQuote(t: Trader, view: MarketView): void {
  if (t.lastSide < 0) {
    if (closeIsNews(t, view)) t.quote += Math.trunc((view.reference - t.quote) / 8);
  } else {
    const unfilled = t.lastFilled < t.lastQty;
    // Consecutive misses accelerate the move (up to 4×), so a far-off opening price is left quickly.
    t.streak = unfilled ? Math.min(t.streak + 1, 4) : 0;
    const bp = unfilled ? UNFILLED_STEP_BP * t.streak : -FILLED_STEP_BP;
    const delta = Math.max(view.tick, Math.trunc((t.quote * Math.abs(bp)) / 10_000)) * Math.sign(bp);
    t.quote += t.lastSide === BUY_SIDE ? delta : -delta;
  }
  t.quote = clamp(roundToTick(t.quote, view.tick), view.tick, view.reference * 100);
  t.lastSide = -1;
  t.lastQty = 0;
  t.lastFilled = 0;
}

/**
 * Whether the previous close tells the trader something: not when nothing traded, and not when
 * the day ended at its limit in the direction of the trader's belief (the close is censored there).
 */
function closeIsNews(t: Trader, view: MarketView): boolean {
  if (!view.lastDayTraded) return false;
  if (view.lastDayAtLimit > 0 && t.quote > view.reference) return false;
  if (view.lastDayAtLimit < 0 && t.quote < view.reference) return false;
  return true;
}

/** Each new day after trading, the belief moves a quarter of the way to the close (shared information). */
export function startDay(t: Trader, view: MarketView): void {
  if (!closeIsNews(t, view)) return;
  t.quote = roundToTick(t.quote + Math.trunc((view.reference - t.quote) / 4), view.tick);
}

/**
 * The penalty the trader expects: the penalty is a multiple of the year's average price, and the
 * trader expects that average to be its belief when the belief is above today's reference.
 */
export function expectedPenalty(t: Trader, view: MarketView): number {
  if (t.quote <= view.reference) return view.penaltyPrice;
  return Math.floor((view.penaltyPrice * t.quote) / view.reference);
}

/**
 * mac-trader: posts its whole net demand at its own quote (buy the shortfall, sell the surplus
 * that is cheaper to abate than the quote). Never sells units it does not hold.
 */
function macTraderOrder(t: Trader, view: MarketView, out: OrderIntent): boolean {
  const d = demandAt(t, t.quote, expectedPenalty(t, view));
  if (d === 0) return false;
  out.side = d > 0 ? BUY_SIDE : SELL_SIDE;
  out.price = clamp(t.quote, view.bandLow, view.bandHigh);
  out.qty = d > 0 ? d : Math.min(-d, t.holdings);
  return out.qty > 0;
}

/**
 * zi-c (zero intelligence, constrained): a random price in the band that never loses money on the
 * next unit (bid ≤ its value, ask ≥ its cost), for its net demand at that price.
 */
function ziOrder(t: Trader, view: MarketView, prng: Prng, out: OrderIntent): boolean {
  const span = Math.max(1, Math.trunc((view.bandHigh - view.bandLow) / view.tick) + 1);
  const price = view.bandLow + prng.nextInt(span) * view.tick;
  const d = demandAt(t, price, view.penaltyPrice);
  if (d > 0 && price > valueOfNextUnit(t, view.penaltyPrice)) return false;
  if (d === 0) return false;
  out.side = d > 0 ? BUY_SIDE : SELL_SIDE;
  out.price = price;
  out.qty = d > 0 ? d : Math.min(-d, t.holdings);
  return out.qty > 0;
}

/** The trader's order for this step, or false for none. */
export function decideOrder(t: Trader, view: MarketView, prng: Prng, out: OrderIntent): boolean {
  adaptQuote(t, view);
  const ok = t.kind === 'zi-c' ? ziOrder(t, view, prng, out) : macTraderOrder(t, view, out);
  if (ok) {
    t.lastSide = out.side;
    t.lastQty = out.qty;
  }
  return ok;
}
