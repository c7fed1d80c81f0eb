import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dayBounds, type ClosingPriceRule, type DayTrade, type TradeSettledData } from '@app/clearing';
import { EventStore } from '@app/event-store';
import { InstrumentCatalogue } from '@app/platform';
import { CLOSING_PRICE_RULE } from './closing-price-rule';
import type { ClosingPriceView } from './end-of-day.dto';

/**
 * Closes a trading day: each instrument's closing price by the configured rule over the day's
 * settled trades, the previous close (or the catalogue's reference) as the fallback. The prices
 * are one event (`ClosingPricesPublished` on the `end-of-day` stream) and rows, written together;
 * closing a day again recomputes it.
 */
@Injectable()
export class EndOfDay {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly catalogue: InstrumentCatalogue,
    @Inject(CLOSING_PRICE_RULE) private readonly closing: { name: string; rule: ClosingPriceRule },
  ) {}

  close(date: string): Promise<ClosingPriceView[]> {
    const { start, end } = dayBounds(date);
    return this.dataSource.transaction(async (manager) => {
      const trades: { data: TradeSettledData }[] = await manager.query(
        `SELECT data FROM events WHERE type = 'TradeSettled'
           AND recorded_at >= to_timestamp($1 / 1000.0) AND recorded_at < to_timestamp($2 / 1000.0)
         ORDER BY global_position`,
        [start, end],
      );
      const byInstrument = new Map<string, DayTrade[]>();
      for (const { data } of trades) {
        let list = byInstrument.get(data.instrument);
        if (!list) byInstrument.set(data.instrument, (list = []));
        list.push({ price: data.price, qty: data.qty, block: data.block === true });
      }
      const previous: { instrument: string; price: string }[] = await manager.query(
        `SELECT DISTINCT ON (instrument) instrument, price FROM closing_prices
         WHERE trading_date < $1::date ORDER BY instrument, trading_date DESC`,
        [date],
      );
      const previousClose = new Map(previous.map((p) => [p.instrument, Number(p.price)]));
      const instruments = [...this.catalogue.list()].sort((a, b) => (a.symbol < b.symbol ? -1 : 1));
      const prices: ClosingPriceView[] = instruments.map((instrument) => {
        const day = byInstrument.get(instrument.symbol) ?? [];
        return {
          instrument: instrument.symbol,
          date,
          price: this.closing.rule({
            trades: day,
            previousClose: previousClose.get(instrument.symbol) ?? instrument.referencePrice,
            tick: instrument.tick,
          }),
          volume: day.filter((t) => !t.block).reduce((s, t) => s + t.qty, 0),
          rule: this.closing.name,
        };
      });
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
