/** Everything the result files need, rebuilt from the event log alone. */
export interface MarketYear {
  vwap: number;
  close: number;
  vwapFinalDays: number;
  volume: number;
  trades: number;
}

export interface JurisdictionYear {
  emissions: number;
  abatement: number;
  abatementCostFen: number;
  surrendered: number;
  shortfall: number;
  compliantFirms: number;
  firms: number;
}

export interface AnalyticYear {
  equilibriumPrice: number;
  minAbatementCostFen: number;
}

export interface YearResult {
  markets: Record<string, MarketYear>;
  jurisdictions: Record<string, JurisdictionYear>;
  analytic: Record<string, AnalyticYear>;
}

export interface Summary {
  name: string;
  seed: number;
  eventLogSha256: string;
  years: Record<string, YearResult>;
}

export interface DailyRow {
  year: number;
  day: number;
  market: string;
  open: number;
  high: number;
  low: number;
  close: number;
  vwap: number;
  volume: number;
}

export interface FirmRow {
  year: number;
  firm: string;
  jurisdiction: string;
  sector: string;
  emissions: number;
  allocation: number;
  /** Units withheld from this year's free allocation for last year's shortfall. */
  deducted: number;
  /** Offset credits held for the year, and how many counted at compliance. */
  credits: number;
  offsetsUsed: number;
  bought: number;
  sold: number;
  holdings: number;
  abatement: number;
  abatementCostFen: number;
  surrendered: number;
  shortfall: number;
  penaltyFen: number;
  nextYearDeduction: number;
  cashFen: number;
}

/**
 * Compliance firms' holdings after one trading day (all markets closed), summed by jurisdiction and
 * by sector, and each jurisdiction's position: holdings + planned offsets − business-as-usual
 * emissions (negative: tonnes still to buy or abate).
 */
export interface PositionRow {
  year: number;
  day: number;
  holdings: Record<string, number>;
  sectors: Record<string, number>;
  position: Record<string, number>;
}

export interface Results {
  summary: Summary;
  daily: DailyRow[];
  firms: FirmRow[];
  linkage: string;
  /** One row per trading day (extra: report charts). */
  positions: PositionRow[];
  /** Penalties per year and jurisdiction (extra: not in the summary spec). */
  penalties: Record<string, Record<string, number>>;
}
