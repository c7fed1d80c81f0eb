import { readFileSync } from 'node:fs';
import { INSTRUMENT_KINDS, INSTRUMENTS } from '@app/domain';
import type { InstrumentRulesChangedData } from '@app/contracts';
import { InstrumentCatalogue } from './instrument-catalogue';
import { effectiveFromMs } from './instrument-rules-decision';

const seedFile = () =>
  JSON.parse(readFileSync('seeds/instruments.json', 'utf8')) as {
    instruments: Record<string, unknown>[];
  };

const decision = (over: Partial<InstrumentRulesChangedData>): InstrumentRulesChangedData => ({
  symbol: 'CQEA-2025',
  decisionId: 'd1',
  regulator: 'cq-eeb',
  effectiveFrom: '2026-12-01',
  effectiveFromMs: effectiveFromMs('2026-12-01'),
  changes: {},
  decidedAt: 0,
  ...over,
});

describe('the seeded instrument catalogue', () => {
  const catalogue = InstrumentCatalogue.load('seeds');

  it('lists every environmental right of the plan', () => {
    const kinds = new Set(catalogue.list().map((i) => i.kind));
    expect([...kinds].sort()).toEqual([...INSTRUMENT_KINDS].sort());
  });

  it('has Chongqing and Sichuan allowances by vintage, both inclusion credits, and per-province rights', () => {
    const symbols = (kind: string, jurisdiction?: string) =>
      catalogue
        .list()
        .filter((i) => i.kind === kind && (jurisdiction === undefined || i.jurisdiction === jurisdiction));
    for (const j of ['CQ', 'SC'])
      expect(symbols('CARBON_ALLOWANCE', j).map((i) => i.vintage)).toEqual([2024, 2025]);
    expect(symbols('CQCER', 'CQ')).toHaveLength(1); // 碳惠通
    expect(symbols('TANHUI_TIANFU', 'SC')).toHaveLength(1); // 碳惠天府
    for (const kind of ['POLLUTANT_SO2', 'POLLUTANT_NOX', 'POLLUTANT_COD', 'POLLUTANT_NH3N', 'FORESTRY_SINK'])
      for (const j of ['CQ', 'SC']) expect(symbols(kind, j)).toHaveLength(1);
  });

  it('gives every instrument the unit of its right, trading hours and allowed modes', () => {
    for (const i of catalogue.list()) {
      expect(i.unit).toBe(INSTRUMENTS[i.kind].unit);
      expect(i.modes.length).toBeGreaterThan(0);
      expect(i.hours).toEqual({
        timezone: 'Asia/Shanghai',
        continuous: [
          ['09:30', '11:30'],
          ['13:00', '15:00'],
        ],
        block: [['13:00', '15:00']],
      });
    }
  });

  it('uses the national-market defaults for carbon allowances', () => {
    expect(catalogue.get('CQEA-2025')).toMatchObject({
      jurisdiction: 'CQ',
      vintage: 2025,
      tick: 1,
      lot: 1,
      bandBp: 1000,
      blockBandBp: 3000,
      blockMinQty: 100000,
      maxOrderQty: 99999,
    });
  });

  it("switches Chongqing's 50 % free-allocation sell limit on for Chongqing allowances only", () => {
    expect(catalogue.get('CQEA-2025')!.freeAllocationSellLimit).toEqual({ enabled: true, maxShareBp: 5000 });
    expect(catalogue.get('SCEA-2025')!.freeAllocationSellLimit.enabled).toBe(false);
    expect(catalogue.get('CCER')!.freeAllocationSellLimit.enabled).toBe(false);
  });
});

describe('a malformed catalogue file', () => {
  it('is refused naming the instrument and the field', () => {
    const bad = seedFile();
    bad.instruments[8] = { ...bad.instruments[8], tick: 0.5 };
    expect(() => InstrumentCatalogue.parse(bad, 'seeds/instruments.json')).toThrow(
      /seeds\/instruments\.json is invalid: instrument CQSO2 \(instruments\.8\): tick: /,
    );
  });

  it('is refused when hours are not HH:MM windows, or a symbol is listed twice', () => {
    const hours = seedFile();
    hours.instruments[0] = {
      ...hours.instruments[0],
      hours: { timezone: 'Asia/Shanghai', continuous: [['9:30', '11:30']], block: [] },
    };
    expect(() => InstrumentCatalogue.parse(hours)).toThrow(/instrument CQEA-2024 .*hours\.continuous\.0\.0/);
    const twice = seedFile();
    twice.instruments.push(twice.instruments[0]);
    expect(() => InstrumentCatalogue.parse(twice)).toThrow(/duplicate symbol CQEA-2024/);
  });

  it('is refused when the reference price is off its tick', () => {
    const bad = seedFile();
    bad.instruments[1] = { ...bad.instruments[1], tick: 7 };
    expect(() => InstrumentCatalogue.parse(bad)).toThrow(
      /instrument CQEA-2025 .*referencePrice: must be a multiple of tick/,
    );
  });
});

describe("a regulator's dated decisions", () => {
  const catalogue = InstrumentCatalogue.load('seeds');
  const before = effectiveFromMs('2026-11-30T23:59:59+08:00');
  const after = effectiveFromMs('2026-12-01');

  catalogue.apply(decision({ decisionId: 'ref', changes: { referencePrice: 4000, bandBp: 500 } }));
  catalogue.apply(
    decision({
      decisionId: 'tick',
      effectiveFrom: '2027-01-04',
      effectiveFromMs: effectiveFromMs('2027-01-04'),
      changes: { tick: 5 },
    }),
  );

  it('apply from their effective date, on top of the seed and of each other', () => {
    expect(catalogue.rulesAt('CQEA-2025', before)).toMatchObject({ referencePrice: 3600, bandBp: 1000 });
    expect(catalogue.rulesAt('CQEA-2025', after)).toMatchObject({
      referencePrice: 4000,
      bandBp: 500,
      tick: 1,
    });
    expect(catalogue.rulesAt('CQEA-2025', effectiveFromMs('2027-01-04'))).toMatchObject({
      referencePrice: 4000,
      tick: 5,
    });
    expect(catalogue.get('CQEA-2025')!.referencePrice).toBe(3600);
    expect(catalogue.rulesAt('CQEA-2024', after)!.referencePrice).toBe(3600);
  });

  it('are recorded once per decision id', () => {
    catalogue.apply(decision({ decisionId: 'ref', changes: { referencePrice: 1 } }));
    expect(catalogue.decisionsOf('CQEA-2025').map((d) => d.decisionId)).toEqual(['ref', 'tick']);
  });

  it('are refused when the rules they leave would be invalid, now or under a later decision', () => {
    expect(catalogue.validateDecision(decision({ changes: { bandBp: 20000 } }))).toMatchObject({
      field: 'changes.bandBp',
    });
    // A reference price of 4001 is fine until the tick of 5 takes effect in January.
    expect(catalogue.validateDecision(decision({ changes: { referencePrice: 4001 } }))).toMatchObject({
      field: 'changes.referencePrice',
    });
    expect(catalogue.validateDecision(decision({ changes: { referencePrice: 4005 } }))).toBeNull();
    expect(catalogue.validateDecision(decision({ symbol: 'NOPE' }))).toMatchObject({ field: 'symbol' });
  });
});
