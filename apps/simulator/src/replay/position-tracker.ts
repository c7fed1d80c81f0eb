import type { PositionRow } from './result';

interface Firm {
  readonly jurisdiction: string;
  readonly sector: string;
}

/**
 * Follows compliance firms' holdings through the trades of a log: allocation at the start of each
 * year, then every trade between two accounts; accounts that are not firms (auction sellers,
 * noise traders, market makers) are left out. One row per trading day.
 */
export class PositionTracker {
  readonly rows: PositionRow[] = [];
  private readonly firms = new Map<string, Firm>();
  private holdings = new Map<string, number>();
  private sectors = new Map<string, number>();
  /** Per jurisdiction: planned offsets − BAU emissions of the year. */
  private need = new Map<string, number>();

  startYear(): void {
    this.holdings = new Map();
    this.sectors = new Map();
    this.need = new Map();
  }

  allocated(
    firm: string,
    jurisdiction: string,
    sector: string,
    allocation: number,
    emissions: number,
    plannedOffsets: number,
  ): void {
    const s = sector === '' ? '(no sector)' : sector;
    this.firms.set(firm, { jurisdiction, sector: s });
    add(this.holdings, jurisdiction, allocation);
    add(this.sectors, s, allocation);
    add(this.need, jurisdiction, plannedOffsets - emissions);
  }

  trade(buyer: string, seller: string, qty: number): void {
    const b = this.firms.get(buyer);
    if (b) {
      add(this.holdings, b.jurisdiction, qty);
      add(this.sectors, b.sector, qty);
    }
    const s = this.firms.get(seller);
    if (s) {
      add(this.holdings, s.jurisdiction, -qty);
      add(this.sectors, s.sector, -qty);
    }
  }

  dayClosed(year: number, day: number): void {
    const position: Record<string, number> = {};
    for (const [j, h] of this.holdings) position[j] = h + (this.need.get(j) ?? 0);
    this.rows.push({
      year,
      day,
      holdings: Object.fromEntries(this.holdings),
      sectors: Object.fromEntries(this.sectors),
      position,
    });
  }
}

function add(m: Map<string, number>, key: string, qty: number): void {
  m.set(key, (m.get(key) ?? 0) + qty);
}
