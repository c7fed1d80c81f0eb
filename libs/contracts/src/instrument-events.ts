/** A regulator's dated decisions on instrument rules: the one stream every service reads at start. */
export const CATALOGUE_STREAM = 'catalogue';

export type TradingModeName = 'continuous' | 'auction' | 'block';

export interface TradingHoursData {
  timezone: string;
  /** [start, end) windows as local HH:MM, Monday to Friday. */
  continuous: [string, string][];
  block: [string, string][];
}

/** The rules a decision may change (each optional: absent = unchanged). */
export interface InstrumentRuleChanges {
  referencePrice?: number;
  bandBp?: number;
  blockBandBp?: number;
  blockMinQty?: number;
  maxOrderQty?: number;
  tick?: number;
  lot?: number;
  modes?: TradingModeName[];
  hours?: TradingHoursData;
  freeAllocationSellLimit?: { enabled: boolean; maxShareBp: number };
}

/** Event `InstrumentRulesChanged` on the `catalogue` stream. */
export interface InstrumentRulesChangedData {
  symbol: string;
  decisionId: string;
  regulator: string;
  /** As decided: `YYYY-MM-DD` (00:00 Beijing time) or an ISO date-time with offset. */
  effectiveFrom: string;
  effectiveFromMs: number;
  reference?: string;
  changes: InstrumentRuleChanges;
  /**
   * A decision on the whole market's instrument (`NATIONAL`) takes both provinces' keys: who signed
   * each (`regulator` is the one whose key put it in force). Absent on a province's own decision.
   */
  approvals?: { CQ?: string; SC?: string };
  /** When the decision was recorded (gateway clock, ms since the epoch). */
  decidedAt: number;
}

export type CatalogueEvent = { type: 'InstrumentRulesChanged'; data: InstrumentRulesChangedData };
