import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dayBounds, type TradeSettledData } from '@app/clearing';
import { EventStore } from '@app/event-store';
import { APP_CONFIG, AppConfig, InstrumentCatalogue } from '@app/platform';
import { PricingStandardLog } from '../../pricing-standard/pricing-standard-log';
import { StandardRulesSync } from '../../pricing-standard/standard-rules-sync';
import { closeOfDay, type TimedDayTrade } from './closing-price-rule';
import type { ClosingPriceView } from './end-of-day.dto';

/**
 * Closes a trading day: each instrument's closing price over the day's settled trades by the
 * closing rule of the pricing standard in force that day (adopted by both provinces), else the
 * national rule; the previous close (or the reference price in force) as the fallback. The prices
 * are one event (`ClosingPricesPublished` on the `end-of-day` stream) and rows, written together;
 * closing a day again recomputes it. From the next day each close is the instrument's reference
 * price, the centre of its bands (`StandardRulesSync`).
 */
@Injectable()
export class EndOfDay {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly catalogue: InstrumentCatalogue,
    private readonly standards: PricingStandardLog,
    private readonly rulesSync: StandardRulesSync,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async close(date: string): Promise<ClosingPriceView[]> {
    const prices = await this.closeInTransaction(date);
    // The closes become tomorrow's references in this process now, not at the next refresh.
    await this.rulesSync.tick();
    return prices;
  }

  private closeInTransaction(date: string): Promise<ClosingPriceView[]> {
    const { start, end } = dayBounds(date);
    return this.dataSource.transaction(async (manager) => {
      const standard = await this.standards.inForceNow(date, manager);
      const trades: { data: TradeSettledData; at_ms: number }[] = await manager.query(
        `SELECT data, date_part('epoch', recorded_at) * 1000 AS at_ms FROM events WHERE type = 'TradeSettled'
           AND recorded_at >= to_timestamp($1 / 1000.0) AND recorded_at < to_timestamp($2 / 1000.0)
         ORDER BY global_position`,
        [start, end],
      );
      const byInstrument = new Map<string, TimedDayTrade[]>();
      for (const { data, at_ms } of trades) {
        let list = byInstrument.get(data.instrument);
        if (!list) byInstrument.set(data.instrument, (list = []));
        list.push({ price: data.price, qty: data.qty, block: data.block === true, atMs: Number(at_ms) });
      }
      const previous: { instrument: string; price: string }[] = await manager.query(
        `SELECT DISTINCT ON (instrument) instrument, price FROM closing_prices
         WHERE trading_date < $1::date ORDER BY instrument, trading_date DESC`,
        [date],
      );
      const previousClose = new Map(previous.map((p) => [p.instrument, Number(p.price)]));
      const instruments = [...this.catalogue.list()].sort((a, b) => (a.symbol < b.symbol ? -1 : 1));
      const prices: ClosingPriceView[] = instruments.map(({ symbol }) => ({
        instrument: symbol,
        date,
        ...closeOfDay(standard, {
          date,
          trades: byInstrument.get(symbol) ?? [],
          // The day's tick and reference (band centre): the rules in force as the day opened.
          rules: this.catalogue.rulesAt(symbol, start)!,
          previousClose: previousClose.get(symbol),
          scheduledSessions: this.config.EXCHANGE_SESSIONS === 'scheduled',
        }),
      }));
      await manager.query(
        `INSERT INTO closing_prices (instrument, trading_date, price, volume, rule)
         SELECT i, $1::date, p, v, r FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::text[]) AS u(i, p, v, r)
         ON CONFLICT (instrument, trading_date) DO UPDATE SET price = excluded.price, volume = excluded.volume,
           rule = excluded.rule`,
        [
          date,
          prices.map((p) => p.instrument),
          prices.map((p) => p.price),
          prices.map((p) => p.volume),
          prices.map((p) => p.rule),
        ],
      );
      await this.store.append(
        'end-of-day',
        'any',
        [{ type: 'ClosingPricesPublished', data: { date, prices } }],
        {
          manager,
        },
      );
      return prices;
    });
  }

  async closingPrices(date: string): Promise<ClosingPriceView[]> {
    const rows: { instrument: string; price: string; volume: string; rule: string }[] =
      await this.dataSource.query(
        'SELECT instrument, price, volume, rule FROM closing_prices WHERE trading_date = $1::date ORDER BY instrument',
        [date],
      );
    return rows.map((r) => ({
      instrument: r.instrument,
      date,
      price: Number(r.price),
      volume: Number(r.volume),
      rule: r.rule,
    }));
  }
}
