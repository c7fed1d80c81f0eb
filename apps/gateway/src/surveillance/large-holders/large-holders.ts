/** Units of an instrument a member holds on the exchange (available plus reserved for sale). */
export interface Holding {
  member: string;
  instrument: string;
  held: number;
}

/** A holder at or over the disclosure threshold of an instrument. */
export interface LargeHolder extends Holding {
  /** Units of the instrument the member received free (0 for a member with none). */
  freeAllocation: number;
  /** `freeAllocation` plus the threshold over it. */
  threshold: number;
  /** `held` minus `threshold` (0 when exactly at it). */
  excess: number;
}

/**
 * Beijing-style large-holder disclosure (MARKET-RULES.md, position limits): a member whose
 * holding of an instrument reaches its free allocation plus `overAllocation` units (default
 * 500,000) must disclose it; a member without allocation, from `overAllocation` units. Listed by
 * instrument, then largest excess first, then member.
 */
export function largeHolders(
  holdings: readonly Holding[],
  freeAllocationOf: (member: string, instrument: string) => number,
  overAllocation: number,
): LargeHolder[] {
  return holdings
    .flatMap((h) => {
      const freeAllocation = freeAllocationOf(h.member, h.instrument);
      const threshold = freeAllocation + overAllocation;
      return h.held >= threshold ? [{ ...h, freeAllocation, threshold, excess: h.held - threshold }] : [];
    })
    .sort(
      (a, b) =>
        a.instrument.localeCompare(b.instrument) || b.excess - a.excess || a.member.localeCompare(b.member),
    );
}

/** MARKET-RULES.md: `disclosureThreshold = +500,000 t`. */
export const DEFAULT_DISCLOSURE_OVER_ALLOCATION = 500_000;
