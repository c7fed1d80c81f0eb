import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/domain';
import {
  co2eFactorFor,
  paidAllocationCharge,
  scarcityFactor,
  standardBenchmarkPrice,
  standardCo2e,
  standardIndexSeries,
  type IndexPeriod,
} from '@app/pricing';
import { CLOCK, Clock } from '../clock/clock';
import { beijingDate } from './beijing-date';
import { PricingStandardLog, type StandardInForce } from './pricing-standard-log';
import type { BenchmarkQueryDto, Co2eQueryDto, PriceIndexQueryDto } from './standard-applications.dto';

export const BENCHMARK_FORMULA = 'P = C × (1 + r ÷ 10,000) × s, s = min(cap, max(1, D ÷ S))';

/** What the exchange computes by the standard in force: guide prices, CO2e, the regional index. */
@Injectable()
export class StandardApplications {
  constructor(
    private readonly dataSource: DataSource,
    private readonly log: PricingStandardLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The standard adopted by both provinces in force on `at` (default today); 404 when there is none. */
  async inForce(at?: string): Promise<StandardInForce> {
    const date = at ?? beijingDate(this.clock.now());
    const standard = await this.log.inForceNow(date);
    if (!standard)
      throw new DomainError(
        'PRICING.NO_STANDARD_IN_FORCE',
        `no pricing standard adopted by both provinces is in force on ${date}`,
        { field: 'at' },
      );
    return standard;
  }

  async benchmark(q: BenchmarkQueryDto) {
    const { version, document } = await this.inForce(q.at);
    const supply = q.supply ?? 1;
    const demand = q.demand ?? supply;
    const priceFen = standardBenchmarkPrice(document, q.kind, q.jurisdiction, { demand, supply });
    const entry = document.benchmark.entries.find(
      (e) => e.kind === q.kind && e.jurisdiction === q.jurisdiction,
    )!;
    const years = document.benchmark.validityYears;
    return {
      version,
      kind: q.kind,
      jurisdiction: q.jurisdiction,
      formula: BENCHMARK_FORMULA,
      inputs: {
        unitAbatementCostFen: entry.unitAbatementCostFen,
        regionalAdjustmentBp: entry.regionalAdjustmentBp,
        demand,
        supply,
        scarcityCap: entry.scarcityCap,
        scarcity: scarcityFactor(demand, supply, entry.scarcityCap),
        rounding: document.benchmark.rounding,
        source: entry.source,
      },
      priceFenPerUnitYear: priceFen,
      validityYears: years,
      ...(q.quantity === undefined
        ? {}
        : { quantity: q.quantity, chargeFen: paidAllocationCharge(priceFen, q.quantity, years) }),
    };
  }

  async co2e(q: Co2eQueryDto) {
    const { version, document } = await this.inForce(q.at);
    const factor = co2eFactorFor(document.co2e, q.kind, q.jurisdiction);
    return {
      version,
      kind: q.kind,
      jurisdiction: q.jurisdiction,
      quantity: q.quantity,
      unit: q.kind === 'ENERGY_USE' ? 'tce' : 'MWh',
      factor,
      rounding: document.co2e.rounding,
      tco2e: standardCo2e(document, q.kind, q.jurisdiction, q.quantity),
    };
  }

  /** The chained value-weighted index over the exchange's closing prices of the standard's constituents. */
  async priceIndex(q: PriceIndexQueryDto) {
    const to = q.to ?? beijingDate(this.clock.now());
    const { version, document } = await this.inForce(to);
    const from = q.from ?? document.index.basePeriod;
    if (from > to)
      throw new DomainError('PRICING.BAD_PARAMETER', 'from must not be after to', { field: 'from' });
    const rows: { day: string; instrument: string; price: string; volume: string }[] =
      await this.dataSource.query(
        `SELECT to_char(trading_date, 'YYYY-MM-DD') AS day, instrument, price, volume FROM closing_prices
        WHERE trading_date BETWEEN $1::date AND $2::date AND instrument = ANY($3::text[])
        ORDER BY trading_date, instrument`,
        [from, to, document.index.constituents],
      );
    const periods: IndexPeriod[] = [];
    for (const r of rows) {
      if (periods.at(-1)?.period !== r.day) periods.push({ period: r.day, observations: [] });
      (periods.at(-1)!.observations as { constituent: string; closeFen: number; volume: number }[]).push({
        constituent: r.instrument,
        closeFen: Number(r.price),
        volume: Number(r.volume),
      });
    }
    return {
      version,
      base: { period: periods[0]?.period ?? from, levelHundredths: document.index.baseHundredths },
      constituents: document.index.constituents,
      points: standardIndexSeries(document, periods),
    };
  }
}
