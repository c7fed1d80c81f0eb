import { abatementAt, type MacCurve, marginalCost, maxAbatement } from './mac';

export const AGENT_KINDS = ['mac-trader', 'zi-c'] as const;
export type AgentKind = (typeof AGENT_KINDS)[number];
/** Accounts with no compliance obligation: they trade what they bought and lose what they still hold at year end. */
export const SPECULATOR_KINDS = ['noise', 'market-maker'] as const;
export type SpeculatorKind = (typeof SPECULATOR_KINDS)[number];

export const BUY_SIDE = 0;
export const SELL_SIDE = 1;

/** One compliance firm's trading state for the current year (holdings reset at each allocation). */
export interface Trader {
  readonly id: string;
  readonly index: number;
  readonly kind: AgentKind | SpeculatorKind;
  readonly mac: MacCurve;
  readonly maxAbatement: number;
  /** Business-as-usual emissions this year (0 for an auctioneer). */
  emissions: number;
  /** Allowances held now. */
  holdings: number;
  /**
   * Offset credits of the year the rules would accept from the firm, before the offset limit (its
   * own credits, not tradable). They cover emissions like holdings, up to the limit.
   */
  offsets: number;
  /** Offset limit, basis points of verified emissions (floor). */
  offsetLimitBp: number;
  /** Net cash from trading, fen (negative = spent). */
  cashFen: number;
  /** The firm's own price belief / quote, fen/t. */
  quote: number;
  /** Side of the last order posted (-1 none), its quantity and how much of it filled. */
  lastSide: number;
  lastQty: number;
  lastFilled: number;
  /** Consecutive unfilled orders. */
  streak: number;
}

export function newTrader(
  id: string,
  index: number,
  kind: AgentKind | SpeculatorKind,
  mac: MacCurve,
  quote: number,
): Trader {
  return {
    id,
    index,
    kind,
    mac,
    maxAbatement: maxAbatement(mac),
    emissions: 0,
    holdings: 0,
    offsets: 0,
    offsetLimitBp: 0,
    cashFen: 0,
    quote,
    lastSide: -1,
    lastQty: 0,
    lastFilled: 0,
    streak: 0,
  };
}

/** Offsets that count at `verified` emissions: the credits, up to the limit (a share of verified). */
export const offsetsAt = (t: Trader, verified: number): number =>
  t.offsets === 0 ? 0 : Math.min(t.offsets, Math.floor((verified * t.offsetLimitBp) / 10_000));

/** Abatement the firm will need if it trades no more: emissions not covered by holdings and offsets. */
export const requiredAbatement = (t: Trader): number =>
  Math.max(0, t.emissions - t.holdings - offsetsAt(t, t.emissions));

/** Tonnes the firm would rather abate than buy at `price`, capped by its emissions. */
export const plannedAbatement = (t: Trader, price: number): number =>
  Math.min(t.emissions, abatementAt(t.mac, price));

/**
 * What one more allowance is worth to the firm (fen): the MAC of the last tonne it would
 * otherwise abate; past its maximum abatement the penalty it would pay instead.
 */
export function valueOfNextUnit(t: Trader, penaltyPrice: number): number {
  const r = t.emissions - t.holdings - offsetsAt(t, t.emissions);
  if (r <= 0) return 0;
  return Math.min(marginalCost(t.mac, r), penaltyPrice);
}

/**
 * Net demand at `price`: positive = units to buy, negative = units to sell. The firm abates every
 * tonne cheaper than the price and covers the rest with allowances; at or above the penalty price it
 * stops buying (paying the penalty is cheaper).
 */
export function demandAt(t: Trader, price: number, penaltyPrice: number): number {
  const need = t.emissions - plannedAbatement(t, price);
  // Abating lowers verified emissions and with them an offset limit based on them.
  const gap = need - t.holdings - offsetsAt(t, need);
  if (gap > 0 && price >= penaltyPrice) return 0;
  return gap;
}
