import fc from 'fast-check';
import { isoDayNumber } from '../carbon-inclusion/iso-day';
import {
  decideMarketMode,
  evolveMarketMode,
  foldMarketMode,
  initialMarketModeState,
  marketModeHistory,
  marketDayOf,
  marketModeOn,
  requireCreditsCross,
  type MarketModeCommand,
  type MarketModeEvent,
  type MarketModeState,
} from './market-mode';

function run(commands: MarketModeCommand[]): { state: MarketModeState; events: MarketModeEvent[] } {
  let state = initialMarketModeState;
  const events: MarketModeEvent[] = [];
  for (const c of commands)
    for (const e of decideMarketMode(state, c)) {
      state = evolveMarketMode(state, e);
      events.push(e);
    }
  return { state, events };
}

const propose = (version: string, mode: string, extra: object = {}): MarketModeCommand => ({
  type: 'ProposeMarketMode',
  regulator: 'CQ-EEB',
  document: { version, mode, ...extra },
});
const approve = (jurisdiction: 'CQ' | 'SC', version: string, effectiveFrom: string): MarketModeCommand => ({
  type: 'ApproveMarketMode',
  jurisdiction,
  version,
  regulator: jurisdiction === 'CQ' ? 'CQ-EEB' : 'SC-DEE',
  effectiveFrom,
});

describe('market mode decisions (two keys)', () => {
  it('counts days in Beijing time: 2026-02-28 16:00 UTC is already 1 March', () => {
    const feb28Utc = 1_772_236_800_000; // 2026-02-28T00:00:00Z
    expect(marketDayOf(feb28Utc + 15 * 3_600_000 + 59 * 60_000)).toBe('2026-02-28');
    expect(marketDayOf(feb28Utc + 16 * 3_600_000)).toBe('2026-03-01');
    expect(marketDayOf(0)).toBe('1970-01-01');
    expect(marketDayOf(951_753_600_000)).toBe('2000-02-29'); // 2000-02-28T16:00Z
  });

  it('agrees with isoDayNumber on every day of four centuries', () => {
    for (let day = -100_000; day < 50_000; day += 31) {
      const text = marketDayOf(day * 86_400_000 - 8 * 3_600_000);
      expect(isoDayNumber(text)).toBe(day);
    }
  });

  it('is separate before any decision', () => {
    expect(marketModeOn(initialMarketModeState, '2026-01-01')).toEqual({
      mode: 'separate',
      exchangeRatio: { CQ: 1, SC: 1 },
    });
  });

  it('links the markets from the effective date once both regulators approved, and separates them again', () => {
    const { state, events } = run([
      propose('link-1', 'linked', { exchangeRatio: { CQ: 1, SC: 1 } }),
      approve('CQ', 'link-1', '2026-03-01'),
      approve('SC', 'link-1', '2026-03-01'),
      propose('sep-1', 'separate'),
      approve('SC', 'sep-1', '2026-09-01'),
      approve('CQ', 'sep-1', '2026-09-01'),
    ]);
    expect(events.map((e) => e.type)).toContain('MarketModeAdopted');
    expect(marketModeOn(state, '2026-02-28').mode).toBe('separate');
    expect(marketModeOn(state, '2026-03-01')).toMatchObject({ mode: 'linked', version: 'link-1' });
    expect(marketModeOn(state, '2026-09-01T10:00:00Z')).toMatchObject({ mode: 'separate', version: 'sep-1' });
    expect(marketModeHistory(state).map((r) => [r.version, r.status, r.effectiveFrom])).toEqual([
      ['link-1', 'adopted', '2026-03-01'],
      ['sep-1', 'adopted', '2026-09-01'],
    ]);
    expect(foldMarketMode(events)).toEqual(state);
  });

  it('changes nothing on one approval alone', () => {
    const { state } = run([propose('link-1', 'linked'), approve('CQ', 'link-1', '2026-03-01')]);
    expect(marketModeOn(state, '2027-01-01').mode).toBe('separate');
    expect(marketModeHistory(state)[0]).toMatchObject({
      status: 'proposed',
      approvals: { CQ: expect.anything() },
    });
  });

  it.each([
    [[propose('v', 'merged')], 'MARKET.INVALID_DECISION'],
    [[propose('v', 'separate', { exchangeRatio: { CQ: 1, SC: 1 } })], 'MARKET.INVALID_DECISION'],
    [[propose('v', 'linked', { exchangeRatio: { CQ: 0, SC: 1 } })], 'MARKET.BAD_EXCHANGE_RATIO'],
    [[propose('v', 'linked'), propose('v', 'linked')], 'MARKET.VERSION_EXISTS'],
    [
      [propose('v', 'linked'), { ...approve('SC', 'v', '2026-03-01'), regulator: 'CQ-EEB' }],
      'MARKET.WRONG_JURISDICTION',
    ],
    [
      [propose('v', 'linked'), approve('CQ', 'v', '2026-03-01'), approve('SC', 'v', '2026-04-01')],
      'MARKET.EFFECTIVE_DATE_MISMATCH',
    ],
    [[approve('CQ', 'nope', '2026-03-01')], 'MARKET.UNKNOWN_VERSION'],
    [[{ ...propose('v', 'linked'), regulator: 'someone' }], 'MARKET.UNKNOWN_REGULATOR'],
  ])('refuses bad commands with the reason (%#)', (commands, code) => {
    expect(() => run(commands as MarketModeCommand[])).toThrow(expect.objectContaining({ code }));
  });

  it('never changes the mode while only one province approves, whatever it does', () => {
    const command = fc.oneof(
      fc
        .record({
          v: fc.constantFrom('a', 'b', 'c'),
          mode: fc.constantFrom('separate', 'recognition-only', 'linked'),
        })
        .map(({ v, mode }) => propose(v, mode)),
      fc
        .record({ v: fc.constantFrom('a', 'b', 'c'), day: fc.integer({ min: 1, max: 28 }) })
        .map(({ v, day }) => approve('CQ', v, `2026-02-${String(day).padStart(2, '0')}`)),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 12 }), (commands) => {
        let state = initialMarketModeState;
        for (const c of commands)
          try {
            for (const e of decideMarketMode(state, c)) state = evolveMarketMode(state, e);
          } catch (error) {
            expect((error as { code: string }).code).toMatch(/^MARKET\./);
          }
        expect(marketModeOn(state, '2030-01-01').mode).toBe('separate');
      }),
    );
  });
});

describe('requireCreditsCross (recognition follows the market mode)', () => {
  it('refuses before any decision and under separate markets, allows recognition-only and linked from their day', () => {
    expect(() => requireCreditsCross(initialMarketModeState, '2026-05-10')).toThrow(
      expect.objectContaining({
        code: 'RECOGNITION.MARKETS_SEPARATE',
        details: expect.objectContaining({ field: 'destination' }),
      }),
    );
    const { state } = run([
      propose('rec', 'recognition-only'),
      approve('CQ', 'rec', '2026-05-01'),
      approve('SC', 'rec', '2026-05-01'),
      propose('sep', 'separate'),
      approve('SC', 'sep', '2026-06-01'),
      approve('CQ', 'sep', '2026-06-01'),
      propose('link', 'linked'),
      approve('SC', 'link', '2026-07-01'),
      approve('CQ', 'link', '2026-07-01'),
    ]);
    expect(() => requireCreditsCross(state, '2026-04-30')).toThrow(/on 2026-04-30 the markets are separate/);
    expect(requireCreditsCross(state, '2026-05-01')).toMatchObject({
      mode: 'recognition-only',
      version: 'rec',
    });
    expect(() => requireCreditsCross(state, '2026-06-15')).toThrow(/separate/);
    expect(requireCreditsCross(state, '2026-07-01')).toMatchObject({ mode: 'linked', version: 'link' });
  });

  it('one key alone changes nothing', () => {
    const { state } = run([propose('rec', 'recognition-only'), approve('CQ', 'rec', '2026-05-01')]);
    expect(() => requireCreditsCross(state, '2026-05-02')).toThrow(/separate/);
  });
});
