import type { Prng } from '@app/domain';
import type { MarketView, OrderIntent } from './decide';
import { BUY_SIDE, SELL_SIDE, type Trader } from './trader';

/** Parameters of a non-compliance account. */
export interface SpeculatorParams {
  /** Largest order, tonnes. */
  readonly maxQty: number;
  /** noise: prices drawn uniformly within ± rangeBp of the reference. */
  readonly rangeBp: number;
  /** market maker: quoted spread around the reference, bp. */
  readonly spreadBp: number;
  /** Step index from which the account only sells down its inventory (the year's last tenth). */
  readonly unwindFromStepsLeft: number;
}

const clamp = (p: number, lo: number, hi: number): number => (p < lo ? lo : p > hi ? hi : p);
const toTick = (p: number, tick: number): number => Math.max(tick, Math.round(p / tick) * tick);

/**
 * noise: on half of its turns, a random side, a price uniform within ± rangeBp of the reference and
 * a random size up to maxQty. It never sells what it does not hold, and in the year's final stretch
 * only sells (it has no obligation: whatever it still holds at year end lapses).
 */
export function noiseOrder(
  t: Trader,
  view: MarketView,
  p: SpeculatorParams,
  prng: Prng,
  out: OrderIntent,
): boolean {
  if (prng.nextInt(2) === 0) return false;
  const unwinding = view.stepsLeft <= p.unwindFromStepsLeft;
  let side = unwinding ? SELL_SIDE : prng.nextInt(2);
  if (side === SELL_SIDE && t.holdings === 0) {
    if (unwinding) return false;
    side = BUY_SIDE;
  }
  const offsetBp = prng.nextInt(2 * p.rangeBp + 1) - p.rangeBp;
  out.side = side;
  out.price = clamp(
    toTick(view.reference + Math.trunc((view.reference * offsetBp) / 10_000), view.tick),
    view.bandLow,
    view.bandHigh,
  );
  const qty = 1 + prng.nextInt(p.maxQty);
  out.qty = side === SELL_SIDE ? Math.min(qty, t.holdings) : qty;
  return out.qty > 0;
}

/**
 * market maker: a bid and an ask spreadBp apart around the reference, both skewed down as its
 * inventory grows (it wants to end flat); no bid once it holds 5 × maxQty, and only the ask in the
 * final stretch. Returns how many of the two intents are set (bid first when both).
 */
export function marketMakerQuotes(
  t: Trader,
  view: MarketView,
  p: SpeculatorParams,
  bid: OrderIntent,
  ask: OrderIntent,
): [boolean, boolean] {
  const half = Math.max(view.tick, Math.trunc((view.reference * p.spreadBp) / 20_000));
  const skew = Math.trunc((half * t.holdings) / Math.max(1, p.maxQty));
  const unwinding = view.stepsLeft <= p.unwindFromStepsLeft;
  const wantBid = !unwinding && t.holdings < 5 * p.maxQty;
  const wantAsk = t.holdings > 0;
  if (wantBid) {
    bid.side = BUY_SIDE;
    bid.price = clamp(toTick(view.reference - half - skew, view.tick), view.bandLow, view.bandHigh);
    bid.qty = p.maxQty;
  }
  if (wantAsk) {
    ask.side = SELL_SIDE;
    ask.price = clamp(toTick(view.reference + half - skew, view.tick), view.bandLow, view.bandHigh);
    ask.qty = Math.min(p.maxQty, t.holdings);
    if (wantBid && ask.price <= bid.price) ask.price = Math.min(view.bandHigh, bid.price + view.tick);
  }
  return [wantBid, wantAsk];
}
