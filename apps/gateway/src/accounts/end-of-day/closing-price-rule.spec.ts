import { dayBounds } from '@app/clearing';
import { CHENGYU_PRICING_STANDARD_2026_1, type PricingStandard } from '@app/pricing';
import { InstrumentCatalogue } from '@app/platform';
import { closeAtMs, closeOfDay, type CloseInputs, type TimedDayTrade } from './closing-price-rule';

const DATE = '2026-12-01';
const { start } = dayBounds(DATE);
const at = (hh: number, mm: number) => start + (hh * 60 + mm) * 60_000;
const rules = InstrumentCatalogue.load('seeds').get('CQEA-2025')!; // reference 3600, tick 1, 15:00 close

const trades: TimedDayTrade[] = [
  { price: 3600, qty: 300, block: false, atMs: at(10, 0) },
  { price: 3700, qty: 100, block: false, atMs: at(14, 50) },
  { price: 3900, qty: 100_000, block: true, atMs: at(14, 0) },
];
const input = (over: Partial<CloseInputs> = {}): CloseInputs => ({
  date: DATE,
  trades,
  rules,
  scheduledSessions: true,
  ...over,
});
const standard = (closing: Partial<PricingStandard['closing']>) => ({
  version: '2026.2',
  document: {
    ...CHENGYU_PRICING_STANDARD_2026_1,
    version: '2026.2',
    closing: { ...CHENGYU_PRICING_STANDARD_2026_1.closing, ...closing },
  },
});

describe('the closing price of a day: national rule, or the pricing standard in force', () => {
  it('without a standard: VWAP of the listing trades, (300 × 3600 + 100 × 3700) ÷ 400 = 3625', () => {
    expect(closeOfDay(undefined, input())).toEqual({ price: 3625, volume: 400, rule: 'vwap-listing-trades' });
  });

  it('with a standard counting block trades too: 391,450,000 ÷ 100,400 = 3898.9… → 3899', () => {
    const close = closeOfDay(standard({ venues: ['continuous', 'block'] }), input());
    expect(close).toEqual({ price: 3899, volume: 100_400, rule: 'pricing-standard 2026.2: vwap' });
  });

  it('a 30-minute window before the 15:00 close keeps only the 14:50 trade', () => {
    expect(closeOfDay(standard({ windowMinutes: 30 }), input())).toMatchObject({ price: 3700, volume: 100 });
  });

  it('below the minimum volume: the previous close, else the reference price in force', () => {
    const thin = standard({ minVolume: 1000 });
    expect(closeOfDay(thin, input({ previousClose: 3500 }))).toMatchObject({
      price: 3500,
      rule: 'pricing-standard 2026.2: previous-close',
    });
    expect(closeOfDay(thin, input())).toMatchObject({
      price: 3600,
      rule: 'pricing-standard 2026.2: reference',
    });
  });

  it('rounds the VWAP once to the tick in force', () => {
    const close = closeOfDay(standard({}), input({ rules: { ...rules, tick: 100, referencePrice: 3600 } }));
    expect(close.price).toBe(3600); // 3625 → 36.25 ticks → 36 half-up
  });

  it('a standard with no fallback on a day without trades carries the reference, and says so', () => {
    const close = closeOfDay(standard({ fallbacks: [] }), input({ trades: [] }));
    expect(close).toEqual({
      price: 3600,
      volume: 0,
      rule: 'pricing-standard 2026.2: no price, reference carried',
    });
  });

  it('closes at the end of the last continuous session when sessions are scheduled, else at midnight', () => {
    expect(closeAtMs(input())).toBe(at(15, 0));
    expect(closeAtMs(input({ scheduledSessions: false }))).toBe(dayBounds(DATE).end - 1);
  });
});
