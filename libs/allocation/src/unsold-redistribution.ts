import { mulDiv } from '@app/domain';
import { requireNonNegativeInt } from './errors';

export interface RedistributionRules {
  /** Spread the unsold volume evenly over this many following auctions (EU: 4). */
  readonly spreadOver: number;
  /** Optional cap on an auction's volume as bp of its planned volume (UK: 12,500 = 125 %). */
  readonly capBp?: number;
  readonly lotSize: number;
}

export interface Redistribution {
  /** New volumes of the following auctions, same order as `plannedVolumes`. */
  readonly volumes: readonly number[];
  /** Units that could not be placed (caps reached or too few auctions). */
  readonly remaining: number;
}

/**
 * Add the volume of a cancelled auction to the next auctions: equal shares in whole lots, leftover
 * lots to the earliest auctions, each capped at `capBp` of its planned volume.
 */
export function redistributeUnsold(
  unsold: number,
  plannedVolumes: readonly number[],
  rules: RedistributionRules,
): Redistribution {
  requireNonNegativeInt(unsold, 'unsold');
  const lot = requireNonNegativeInt(rules.lotSize, 'lotSize') || 1;
  const n = Math.min(requireNonNegativeInt(rules.spreadOver, 'spreadOver'), plannedVolumes.length);
  const volumes = plannedVolumes.map((v) => requireNonNegativeInt(v, 'plannedVolume'));
  const room = volumes.map((v, i) =>
    i >= n
      ? 0
      : rules.capBp === undefined
        ? Number.MAX_SAFE_INTEGER
        : mulDiv(v, rules.capBp, 10_000 * lot, 'floor') * lot - v,
  );
  let lots = Math.floor(unsold / lot);
  const loose = unsold - lots * lot;
  // Water-filling: equal shares in lots to auctions with room; when fewer lots than auctions
  // remain, one each to the earliest. Each pass fills some auction or places every lot.
  for (;;) {
    const active = [...Array(n).keys()].filter((i) => (room[i] as number) >= lot);
    if (lots === 0 || active.length === 0) break;
    const share = Math.floor(lots / active.length);
    for (const i of active) {
      const give = share === 0 ? Math.min(1, lots) : Math.min(share, Math.floor((room[i] as number) / lot));
      volumes[i] = (volumes[i] as number) + give * lot;
      room[i] = (room[i] as number) - give * lot;
      lots -= give;
    }
  }
  return { volumes, remaining: lots * lot + loose };
}
