import fc from 'fast-check';
import { closingPrice, type ClosingRule, type PricedTrade } from './closing-price';

// A trading day on an arbitrary epoch: minutes after midnight × 60,000 ms.
const at = (hh: number, mm: number) => (hh * 60 + mm) * 60_000;
const close = at(15, 0);
const national: ClosingRule = {
  venues: ['continuous'],
  minVolume: 1,
  rounding: 'half-up',
  fallbacks: ['previous-close', 'reference'],
};
const day: PricedTrade[] = [
  { priceFen: 9_700, quantity: 1_000, atMs: at(14, 20), venue: 'continuous' },
  { priceFen: 9_800, quantity: 3_000, atMs: at(14, 40), venue: 'continuous' },
  { priceFen: 9_749, quantity: 1_000, atMs: at(14, 55), venue: 'continuous' },
  // block trades do not set the close under the national rule
  { priceFen: 9_000, quantity: 100_000, atMs: at(14, 50), venue: 'block' },
];

describe('closing price: VWAP of the day’s listing trades (national ETS rule)', () => {
  it('(1,000 × 97.00 + 3,000 × 98.00 + 1,000 × 97.49) ÷ 5,000 = 97.698 → 97.70 half-up', () => {
    expect(closingPrice(national, { trades: day, closeAtMs: close })).toEqual({
      priceFen: 9_770,
      basis: 'vwap',
      volume: 5_000,
      valueFen: 48_849_000,
    });
  });

  it('last 30 minutes only, (14:30, 15:00]: (3,000 × 98.00 + 1,000 × 97.49) ÷ 4,000 = 97.8725 → 97.87', () => {
    const r = closingPrice({ ...national, windowMinutes: 30 }, { trades: day, closeAtMs: close });
    expect(r).toMatchObject({ priceFen: 9_787, basis: 'vwap', volume: 4_000 });
  });

  it('the window start is excluded, the close itself included, later trades ignored', () => {
    const edge: PricedTrade[] = [
      { priceFen: 1_000, quantity: 10, atMs: at(14, 30), venue: 'continuous' },
      { priceFen: 2_000, quantity: 10, atMs: at(15, 0), venue: 'continuous' },
      { priceFen: 3_000, quantity: 10, atMs: at(15, 1), venue: 'continuous' },
    ];
    const r = closingPrice({ ...national, windowMinutes: 30 }, { trades: edge, closeAtMs: close });
    expect(r).toMatchObject({ priceFen: 2_000, volume: 10 });
  });

  it('below the minimum volume (4,000 < 5,000 in the window) → previous close 96.50', () => {
    const r = closingPrice(
      { ...national, windowMinutes: 30, minVolume: 5_000 },
      { trades: day, closeAtMs: close, previousCloseFen: 9_650, referenceFen: 9_000 },
    );
    expect(r).toEqual({ priceFen: 9_650, basis: 'previous-close', volume: 4_000, valueFen: 39_149_000 });
  });

  it('a first trading day without trades → the listing reference price', () => {
    const r = closingPrice(national, { trades: [], closeAtMs: close, referenceFen: 3_600 });
    expect(r).toMatchObject({ priceFen: 3_600, basis: 'reference' });
  });

  it('no trades and no fallback → PRICING.NO_PRICE', () => {
    expect(() => closingPrice({ ...national, fallbacks: [] }, { trades: [], closeAtMs: close })).toThrow(
      expect.objectContaining({ code: 'PRICING.NO_PRICE' }),
    );
  });

  it('the named rounding rule decides a tie: 100.5 fen → half-up 101, half-even 100, floor 100', () => {
    const tie: PricedTrade[] = [
      { priceFen: 100, quantity: 1, atMs: at(10, 0), venue: 'continuous' },
      { priceFen: 101, quantity: 1, atMs: at(10, 1), venue: 'continuous' },
    ];
    const price = (rounding: ClosingRule['rounding']) =>
      closingPrice({ ...national, rounding }, { trades: tie, closeAtMs: close }).priceFen;
    expect([price('half-up'), price('half-even'), price('floor')]).toEqual([101, 100, 100]);
  });

  it('counting block trades too, when a standard says so: (48,849,000 + 900,000,000) ÷ 105,000 = 90.3665… → 90.37', () => {
    const r = closingPrice(
      { ...national, venues: ['continuous', 'block'] },
      { trades: day, closeAtMs: close },
    );
    expect(r).toMatchObject({ priceFen: 9_037, volume: 105_000 });
  });

  it('rounded once to the tick when one is given: 48,849,000 ÷ (5,000 × 100) = 97.698 → 98.00 (CNY 1 tick)', () => {
    const input = { trades: day, closeAtMs: close, tickFen: 100 };
    expect(closingPrice(national, input).priceFen).toBe(9_800);
    expect(closingPrice({ ...national, rounding: 'floor' }, input).priceFen).toBe(9_700);
  });

  it('rejects a non-integer or non-positive trade price', () => {
    const bad = [{ priceFen: 97.5, quantity: 1, atMs: at(10, 0), venue: 'continuous' as const }];
    expect(() => closingPrice(national, { trades: bad, closeAtMs: close })).toThrow(
      expect.objectContaining({ code: 'PRICING.BAD_PARAMETER' }),
    );
  });

  it('property: the VWAP lies between the lowest and highest counted price and ignores trade order', () => {
    const trade = fc.record({
      priceFen: fc.integer({ min: 1, max: 10_000_000 }),
      quantity: fc.integer({ min: 1, max: 99_999 }),
      atMs: fc.integer({ min: at(9, 30), max: at(15, 0) }),
      venue: fc.constantFrom('continuous' as const, 'block' as const),
    });
    fc.assert(
      fc.property(fc.array(trade, { minLength: 1, maxLength: 40 }), (trades) => {
        const counted = trades.filter((t) => t.venue === 'continuous').map((t) => t.priceFen);
        fc.pre(counted.length > 0);
        const r = closingPrice(national, { trades, closeAtMs: close });
        expect(r.basis).toBe('vwap');
        expect(r.priceFen).toBeGreaterThanOrEqual(Math.min(...counted));
        expect(r.priceFen).toBeLessThanOrEqual(Math.max(...counted));
        expect(closingPrice(national, { trades: [...trades].reverse(), closeAtMs: close })).toEqual(r);
      }),
      { numRuns: 300, seed: 97 },
    );
  });
});
