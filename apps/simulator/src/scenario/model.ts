import type { AgentKind, MacCurve, SpeculatorKind } from '@app/agents';

export type Linkage = 'separate' | 'recognition' | 'linked';

/** Offset credits a firm holds: issued by `issuer`, `quantity[year]` tonnes of that vintage. */
export interface CreditSpec {
  readonly issuer: string;
  readonly projectType: string;
  readonly quantity: Readonly<Record<string, number>>;
}

export interface FirmSpec {
  readonly id: string;
  readonly jurisdiction: string;
  readonly sector: string;
  /** year → business-as-usual emissions, tonnes */
  readonly emissions: Readonly<Record<string, number>>;
  /** year → explicit free allocation (absent: pro rata share of the free cap) */
  readonly allocation?: Readonly<Record<string, number>>;
  readonly mac: MacCurve;
  readonly agent: AgentKind;
  readonly credits: readonly CreditSpec[];
}

export interface JurisdictionSpec {
  readonly id: string;
  readonly cap: Readonly<Record<string, number>>;
  readonly auctionShareBp: number;
  readonly offsetLimitBp: number;
  readonly excludedProjectTypes: readonly string[];
  readonly recognitionQuotaBp: number;
}

export interface MarketRules {
  readonly initialReferencePrice: number;
  readonly priceLimitBp: number;
  readonly tick: number;
  readonly stepsPerDay: number;
  readonly penaltyMultiplier: number;
  readonly penaltyRule: 'shenzhen' | 'national-2024' | 'eu-fixed';
  readonly penaltyFinePerTonneFen?: number;
}

/** A non-compliance account (noise trader or market maker). */
export interface SpeculatorSpec {
  readonly id: string;
  readonly kind: SpeculatorKind;
  readonly jurisdiction: string;
  readonly maxQty: number;
  readonly rangeBp: number;
  readonly spreadBp: number;
}

/** A validated scenario with generated firms drawn: everything the runner needs. */
export interface Scenario {
  readonly name: string;
  readonly seed: number;
  readonly years: readonly number[];
  readonly tradingDaysPerYear: number;
  readonly linkage: Linkage;
  readonly market: MarketRules;
  readonly jurisdictions: readonly JurisdictionSpec[];
  readonly firms: readonly FirmSpec[];
  readonly speculators: readonly SpeculatorSpec[];
  /**
   * The validated file (defaults filled in, overrides applied) the scenario was expanded from. It is
   * recorded in the log's `scenario-started` event, so `counterfactual` can rerun a recorded run.
   */
  readonly source?: unknown;
}
