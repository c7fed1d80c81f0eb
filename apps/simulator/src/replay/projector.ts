import type { DailyRow, FirmRow, JurisdictionYear, Results, YearResult } from './result';
import { PositionTracker } from './position-tracker';

interface Obj {
  [k: string]: unknown;
}

const num = (o: Obj, k: string): number => o[k] as number;
const str = (o: Obj, k: string): string => o[k] as string;
/** Fields added to the log later (offsets, deductions): absent in older logs, read as 0. */
const numOr0 = (o: Obj, k: string): number => (o[k] as number | undefined) ?? 0;

/**
 * Folds event lines into results. Order, trade and cancel lines (the bulk of a log) are only
 * counted: every figure the results need is in the day, allocation, analytic and compliance events.
 */
export class Projector {
  private name = '';
  private seed = 0;
  private linkage = '';
  private tradingDays = 0;
  private readonly years: Record<string, YearResult> = {};
  private readonly daily: DailyRow[] = [];
  private readonly firms: FirmRow[] = [];
  private readonly firmRow = new Map<string, FirmRow>();
  private readonly finalDays = new Map<string, { volume: number; notional: number }>();
  private readonly penalties: Record<string, Record<string, number>> = {};
  private readonly bars = new Map<string, Bar>();
  private readonly traded = new Map<string, { bought: number; sold: number }>();
  private currentYear = 0;
  private lastMarket = '';
  private readonly positions = new PositionTracker();
  events = 0;
  orders = 0;

  /** Trades are re-aggregated into day bars and per-firm volumes, then checked against day-closed. */
  private trade(e: Obj): void {
    const market = str(e, 'market');
    const price = num(e, 'price');
    const qty = num(e, 'qty');
    let b = this.bars.get(market);
    if (!b) this.bars.set(market, (b = { open: 0, high: 0, low: 0, volume: 0, notional: 0, trades: 0 }));
    if (b.trades === 0) b.open = b.high = b.low = price;
    else {
      if (price > b.high) b.high = price;
      if (price < b.low) b.low = price;
    }
    b.volume += qty;
    b.notional += price * qty;
    b.trades++;
    const buyer = str(e, 'buyer');
    const seller = str(e, 'seller');
    this.firmTrade(buyer, qty, 0);
    this.firmTrade(seller, 0, qty);
    this.positions.trade(buyer, seller, qty);
  }

  private firmTrade(firm: string, bought: number, sold: number): void {
    const key = `${this.currentYear}/${firm}`;
    const t = this.traded.get(key) ?? { bought: 0, sold: 0 };
    t.bought += bought;
    t.sold += sold;
    this.traded.set(key, t);
  }

  line(text: string): void {
    this.events++;
    // Hot path: skip the order flow (accepted, amended, trade, cancelled, rejected) unparsed.
    const c = text.charCodeAt(9);
    const d = text.charCodeAt(10);
    if (c === 116 && d === 114) return this.trade(JSON.parse(text) as Obj);
    if ((c === 97 && (d === 99 || d === 109)) || (c === 99 && d === 97) || c === 114) {
      if (c === 97 && d === 99) this.orders++;
      return;
    }
    this.apply(JSON.parse(text) as Obj);
  }

  private year(y: number): YearResult {
    const k = String(y);
    return (this.years[k] ??= { markets: {}, jurisdictions: {}, analytic: {} });
  }

  private apply(e: Obj): void {
    switch (e['type']) {
      case 'scenario-started':
        this.name = str(e, 'name');
        this.seed = num(e, 'seed');
        this.linkage = str(e, 'linkage');
        this.tradingDays = num(e, 'tradingDaysPerYear');
        this.lastMarket = (e['markets'] as string[] | undefined)?.at(-1) ?? '';
        return;
      case 'allocated': {
        const y = num(e, 'year');
        if (this.currentYear !== y) this.positions.startYear();
        this.currentYear = y;
        const j = str(e, 'jurisdiction');
        this.positions.allocated(
          str(e, 'firm'),
          j,
          str(e, 'sector'),
          num(e, 'allocation'),
          num(e, 'emissions'),
          numOr0(e, 'plannedOffsets'),
        );
        const jy = (this.year(y).jurisdictions[j] ??= emptyJurisdiction());
        jy.firms++;
        const row: FirmRow = {
          year: y,
          firm: str(e, 'firm'),
          jurisdiction: j,
          sector: str(e, 'sector'),
          emissions: num(e, 'emissions'),
          allocation: num(e, 'allocation'),
          deducted: numOr0(e, 'deducted'),
          credits: numOr0(e, 'credits'),
          offsetsUsed: 0,
          bought: 0,
          sold: 0,
          holdings: 0,
          abatement: 0,
          abatementCostFen: 0,
          surrendered: 0,
          shortfall: 0,
          penaltyFen: 0,
          nextYearDeduction: 0,
          cashFen: 0,
        };
        this.firms.push(row);
        this.firmRow.set(`${y}/${row.firm}`, row);
        return;
      }
      case 'analytic':
        this.year(num(e, 'year')).analytic[str(e, 'market')] = {
          equilibriumPrice: num(e, 'equilibriumPrice'),
          minAbatementCostFen: num(e, 'minAbatementCostFen'),
        };
        return;
      case 'day-closed':
        return this.dayClosed(e);
      case 'year-closed': {
        const m = this.year(num(e, 'year')).markets[str(e, 'market')];
        const fin = this.finalDays.get(`${num(e, 'year')}/${str(e, 'market')}`);
        if (m) {
          m.vwap = num(e, 'vwap');
          m.close = num(e, 'close');
          m.vwapFinalDays =
            fin && fin.volume > 0 ? Math.floor((2 * fin.notional + fin.volume) / (2 * fin.volume)) : m.close;
        }
        return;
      }
      case 'complied':
        return this.complied(e);
      default:
        return;
    }
  }

  private dayClosed(e: Obj): void {
    const year = num(e, 'year');
    const day = num(e, 'day');
    const market = str(e, 'market');
    const b = this.bars.get(market) ?? { open: 0, high: 0, low: 0, volume: 0, notional: 0, trades: 0 };
    this.bars.delete(market);
    const vwap = b.volume > 0 ? Math.floor((2 * b.notional + b.volume) / (2 * b.volume)) : 0;
    if (
      b.volume !== num(e, 'volume') ||
      b.notional !== num(e, 'notional') ||
      b.trades !== num(e, 'trades') ||
      (vwap > 0 && vwap !== num(e, 'close'))
    ) {
      throw new Error(
        `event log inconsistent: trades of ${year} day ${day} ${market} do not add up to its day-closed event`,
      );
    }
    const close = num(e, 'close');
    const row: DailyRow = {
      year,
      day,
      market,
      open: b.open || close,
      high: b.high || close,
      low: b.low || close,
      close,
      vwap,
      volume: b.volume,
    };
    this.daily.push(row);
    if (market === this.lastMarket) this.positions.dayClosed(year, day);
    const my = (this.year(year).markets[market] ??= {
      vwap: 0,
      close: 0,
      vwapFinalDays: 0,
      volume: 0,
      trades: 0,
    });
    my.volume += row.volume;
    my.trades += num(e, 'trades');
    my.close = row.close;
    const finalCount = Math.max(1, Math.floor(this.tradingDays / 10));
    if (day > this.tradingDays - finalCount) {
      const key = `${year}/${market}`;
      const f = this.finalDays.get(key) ?? { volume: 0, notional: 0 };
      f.volume += row.volume;
      f.notional += num(e, 'notional');
      this.finalDays.set(key, f);
    }
  }

  private complied(e: Obj): void {
    const y = num(e, 'year');
    const j = str(e, 'jurisdiction');
    const jy = (this.year(y).jurisdictions[j] ??= emptyJurisdiction());
    jy.emissions += num(e, 'emissions');
    jy.abatement += num(e, 'abatement');
    jy.abatementCostFen += num(e, 'abatementCostFen');
    jy.surrendered += num(e, 'surrendered');
    jy.shortfall += num(e, 'shortfall');
    if (num(e, 'shortfall') === 0) jy.compliantFirms++;
    const pen = (this.penalties[String(y)] ??= {});
    pen[j] = (pen[j] ?? 0) + num(e, 'penaltyFen');
    const row = this.firmRow.get(`${y}/${str(e, 'firm')}`);
    if (row) {
      row.holdings = num(e, 'holdings');
      row.abatement = num(e, 'abatement');
      row.abatementCostFen = num(e, 'abatementCostFen');
      row.surrendered = num(e, 'surrendered');
      row.shortfall = num(e, 'shortfall');
      row.penaltyFen = num(e, 'penaltyFen');
      row.offsetsUsed = numOr0(e, 'offsetsUsed');
      row.nextYearDeduction = numOr0(e, 'nextYearDeduction');
      row.cashFen = num(e, 'cashFen');
      const t = this.traded.get(`${y}/${row.firm}`);
      row.bought = t?.bought ?? 0;
      row.sold = t?.sold ?? 0;
      if (row.allocation + row.bought - row.sold !== row.holdings) {
        throw new Error(
          `event log inconsistent: ${row.firm} ${y} holds ${row.holdings}, trades say ${row.allocation + row.bought - row.sold}`,
        );
      }
    }
  }

  results(eventLogSha256: string): Results {
    return {
      summary: { name: this.name, seed: this.seed, eventLogSha256, years: this.years },
      daily: this.daily,
      firms: this.firms,
      positions: this.positions.rows,
      linkage: this.linkage,
      penalties: this.penalties,
    };
  }
}

interface Bar {
  open: number;
  high: number;
  low: number;
  volume: number;
  notional: number;
  trades: number;
}

const emptyJurisdiction = (): JurisdictionYear => ({
  emissions: 0,
  abatement: 0,
  abatementCostFen: 0,
  surrendered: 0,
  shortfall: 0,
  compliantFirms: 0,
  firms: 0,
});
