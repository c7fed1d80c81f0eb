import type { Versioned } from '@app/domain';
import type { CapRule } from './cap';
import { RGGI_CONTAINMENT_ESCALATION_BP, RGGI_RESERVE_ESCALATION_BP } from './reserve-price';

/**
 * Parameter sets taken from MARKET-RULES.md. Amounts are in the market's own minor unit
 * (fen for China, cents for RGGI/WCI/EU). Values marked "unverified" there are defaults only.
 */

/** Chongqing: cap declines 4.13 %/yr; 5 % government reserve (2023), unused cancelled at period end. */
export const CHONGQING = {
  capDeclineBp: 413,
  governmentReserveBp: 500,
  maxSellShareOfFreeAllocationBp: 5_000,
  /** Chongqing-style cap with a base year and cap supplied by the scenario. */
  capRule: (baseYear: number, baseCap: number): CapRule => ({
    kind: 'annual-decline',
    baseYear,
    baseCap,
    declineBp: 413,
    rounding: 'floor',
  }),
} as const;

/** National ETS: 70 % pre-allocation on base-year output, then true-up. */
export const NATIONAL = { preAllocationShareBp: 7_000, defaultLotSize: 1_000 } as const;

/** RGGI 2021 schedules (cents), escalated and rounded to the cent every year. */
export const RGGI = {
  startYear: 2021,
  reservePriceCents: 238,
  reserveEscalationBp: RGGI_RESERVE_ESCALATION_BP,
  ccrTriggerCents: 1_300,
  ecrTriggerCents: 600,
  containmentEscalationBp: RGGI_CONTAINMENT_ESCALATION_BP,
  ccrSizeOfCapBp: 1_000,
  ecrMaxWithholdBp: 1_000,
  purchaseLimitShareBp: 2_500,
  capDeclinePerYear: 2_275_000,
  lotSize: 1_000,
} as const;

/** EU ETS: lots of 500, cancel when undersubscribed, LRF by period (bp of the reference cap). */
export const EU = {
  lotSize: 500,
  finePerTonneCents: 10_000,
  lrf: [
    { effectiveFrom: '2021-01-01', value: 220 },
    { effectiveFrom: '2024-01-01', value: 430 },
    { effectiveFrom: '2028-01-01', value: 440 },
  ] as readonly Versioned<number>[],
  unsoldSpreadOver: 4,
} as const;

/** WCI: reserve price × (1 + 5 % + CPI); purchase limits per entity type 2012–14: 15 % / 40 % / 4 %. */
export const WCI = {
  realEscalationBp: 500,
  lotSize: 1_000,
  purchaseLimitsBp: { covered: 1_500, electricUtility: 4_000, other: 400 },
} as const;

/** UK: unsold volume capped at 125 % of the planned auction volume. */
export const UK = { redistributionCapBp: 12_500 } as const;
