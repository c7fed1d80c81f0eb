import { abatementAt, abatementCost, type Trader } from '@app/agents';

export interface Compliance {
  readonly abatement: number;
  readonly abatementCostFen: number;
  readonly verified: number;
  readonly surrendered: number;
  readonly shortfall: number;
  readonly penaltyFen: number;
}

/**
 * End of year: the firm abates what its holdings do not cover, but only tonnes whose MAC is at most
 * the penalty price (beyond that paying the penalty is cheaper), then surrenders up to its verified
 * emissions. Shortfall is penalised at `penaltyPrice` fen per tonne (penaltyMultiplier × the
 * market's year VWAP). Surplus units are not banked: they lapse at the end of the year.
 */
export function comply(t: Trader, penaltyPrice: number): Compliance {
  const needed = Math.max(0, t.emissions - t.holdings);
  const worthIt = Math.min(t.emissions, abatementAt(t.mac, penaltyPrice));
  const abatement = Math.min(needed, worthIt);
  const verified = t.emissions - abatement;
  const surrendered = Math.min(t.holdings, verified);
  const shortfall = verified - surrendered;
  return {
    abatement,
    abatementCostFen: abatementCost(t.mac, abatement),
    verified,
    surrendered,
    shortfall,
    penaltyFen: shortfall * penaltyPrice,
  };
}
