import fc from 'fast-check';
import { creditsFromActivity, methodologyById, type ActivityRecord } from './credits-from-activity';
import { isoDayNumber } from './iso-day';
import { METHODOLOGIES } from './methodologies';

const record = (
  methodologyId: string,
  quantity: number,
  over: Partial<ActivityRecord> = {},
): ActivityRecord => ({
  recordId: 'rec-1',
  methodologyId,
  province: methodologyId.startsWith('CQ') ? 'CQ' : 'SC',
  quantity,
  periodStart: '2026-01-01',
  periodEnd: '2026-01-31',
  asOf: '2026-02-01',
  ...over,
});
const credit = (id: string, quantity: number, over: Partial<ActivityRecord> = {}) =>
  creditsFromActivity(methodologyById(id), record(id, quantity, over));

describe('carbon-inclusion credits from activity records', () => {
  it('Sichuan rooftop solar: 10,000 kWh × 0.1564 kgCO2/kWh = 1.564 t → 1 credit, 0.564 t carried', () => {
    const jan = credit('SC-SOLAR-ROOFTOP', 10_000);
    expect(jan).toEqual({
      credits: 1,
      carry: { methodologyId: 'SC-SOLAR-ROOFTOP', num: 5_640_000 },
      days: 31,
    });
    // February: 5,000 kWh = 0.782 t, + 0.564 carried = 1.346 t → 1 credit, 0.346 t carried
    const m = methodologyById('SC-SOLAR-ROOFTOP');
    const feb = creditsFromActivity(
      m,
      record(m.id, 5_000, { periodStart: '2026-02-01', periodEnd: '2026-02-28', asOf: '2026-03-01' }),
      jan.carry,
    );
    expect(feb).toMatchObject({ credits: 1, carry: { num: 3_460_000 } });
  });

  it('Chongqing rooftop solar: 10,000 kWh × 0.5306 = 5.306 t → 5 credits (CQCER)', () => {
    expect(credit('CQ-SOLAR-ROOFTOP', 10_000)).toMatchObject({ credits: 5, carry: { num: 3_060_000 } });
    expect(methodologyById('CQ-SOLAR-ROOFTOP').creditKind).toBe('CQCER');
  });

  it('EV km: Sichuan (0.16 − 0.15 × 0.1564) kg/km × 20,000 km = 2.7308 t → 2; Chongqing 1.6082 t → 1', () => {
    const year = { periodStart: '2025-01-01', periodEnd: '2025-12-31', asOf: '2026-01-05' };
    expect(credit('SC-EV-KM', 20_000, year)).toMatchObject({ credits: 2, carry: { num: 730_800_000 } });
    expect(credit('CQ-EV-KM', 20_000, year)).toMatchObject({ credits: 1, carry: { num: 608_200_000 } });
  });

  it('trees: 1,000 trees alive through 2025 (365 days) × 18 kg/tree·yr = 18 t exactly; 2024 (366 days) leaves 49.3 kg', () => {
    expect(
      credit('CQ-TREES', 1_000, { periodStart: '2025-01-01', periodEnd: '2025-12-31', asOf: '2026-01-01' }),
    ).toEqual({
      credits: 18,
      carry: { methodologyId: 'CQ-TREES', num: 0 },
      days: 365,
    });
    expect(
      credit('SC-TREES', 1_000, { periodStart: '2024-01-01', periodEnd: '2024-12-31', asOf: '2025-01-01' }),
    ).toMatchObject({
      credits: 18,
      carry: { num: 18_000 },
    });
  });

  it('every methodology states its factor source and a physical cap', () => {
    expect(METHODOLOGIES.map((m) => m.id).sort()).toEqual([
      'CQ-EV-KM',
      'CQ-SOLAR-ROOFTOP',
      'CQ-TREES',
      'SC-EV-KM',
      'SC-SOLAR-ROOFTOP',
      'SC-TREES',
    ]);
    for (const m of METHODOLOGIES) {
      expect(m.source.length).toBeGreaterThan(20);
      expect(m.cap.perDay ?? m.cap.perRecord).toBeGreaterThan(0);
    }
  });

  it.each([
    ['a negative quantity', 'SC-SOLAR-ROOFTOP', -1, {}, 'CARBON_INCLUSION.NEGATIVE', 'quantity'],
    ['a fractional kWh', 'SC-SOLAR-ROOFTOP', 1.5, {}, 'CARBON_INCLUSION.NOT_INTEGER', 'quantity'],
    [
      '40,000 kWh in 31 days from a rooftop (cap 1,000 kWh/day)',
      'SC-SOLAR-ROOFTOP',
      40_000,
      {},
      'CARBON_INCLUSION.IMPLAUSIBLE',
      'quantity',
    ],
    ['40,000 km in January', 'CQ-EV-KM', 40_000, {}, 'CARBON_INCLUSION.IMPLAUSIBLE', 'quantity'],
    ['100,001 trees in one record', 'CQ-TREES', 100_001, {}, 'CARBON_INCLUSION.IMPLAUSIBLE', 'quantity'],
    [
      'a period ending after today',
      'SC-SOLAR-ROOFTOP',
      100,
      { asOf: '2026-01-30' },
      'CARBON_INCLUSION.FUTURE_DATE',
      'periodEnd',
    ],
    [
      '30 February',
      'SC-SOLAR-ROOFTOP',
      100,
      { periodEnd: '2026-02-30' },
      'CARBON_INCLUSION.BAD_DATE',
      'periodEnd',
    ],
    [
      'a period ending before it starts',
      'SC-SOLAR-ROOFTOP',
      100,
      { periodStart: '2026-02-01' },
      'CARBON_INCLUSION.BAD_PERIOD',
      'periodEnd',
    ],
    [
      'a Sichuan record under a Chongqing methodology',
      'CQ-SOLAR-ROOFTOP',
      100,
      { province: 'SC' as const },
      'CARBON_INCLUSION.WRONG_PROVINCE',
      'province',
    ],
  ])('rejects %s', (_name, id, quantity, over, code, field) => {
    expect(() => credit(id, quantity, over)).toThrow(expect.objectContaining({ code, details: { field } }));
  });

  it('an unknown methodology → CARBON_INCLUSION.UNKNOWN_METHODOLOGY; a carry from another methodology → BAD_CARRY', () => {
    expect(() => methodologyById('SC-BIKE-KM')).toThrow(
      expect.objectContaining({ code: 'CARBON_INCLUSION.UNKNOWN_METHODOLOGY' }),
    );
    const m = methodologyById('SC-SOLAR-ROOFTOP');
    expect(() => creditsFromActivity(m, record(m.id, 1), { methodologyId: 'CQ-TREES', num: 0 })).toThrow(
      expect.objectContaining({ code: 'CARBON_INCLUSION.BAD_CARRY' }),
    );
  });

  it('ISO day numbers without Date: 1970-01-01 = 0, 2000-03-01 = 11,017, 2024-02-29 = 19,782, 2026-01-01 = 20,454', () => {
    expect(['1970-01-01', '2000-03-01', '2024-02-29', '2026-01-01', '1969-12-31'].map(isoDayNumber)).toEqual([
      0, 11_017, 19_782, 20_454, -1,
    ]);
    expect(['2023-02-29', '2026-13-01', '2026-1-1'].map(isoDayNumber)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('property: with the remainder carried, splitting activity over records never changes the credits', () => {
    const year = { periodStart: '2025-01-01', periodEnd: '2025-12-31', asOf: '2026-01-01' };
    fc.assert(
      fc.property(
        fc.constantFrom(...METHODOLOGIES),
        // ≤ 6 × 15,000 = 90,000: within every cap over a year, so the whole fits in one record too
        fc.array(fc.integer({ min: 0, max: 15_000 }), { minLength: 1, maxLength: 6 }),
        (m, parts) => {
          const rec = (q: number) => record(m.id, q, { ...year, province: m.province });
          let carry = { methodologyId: m.id, num: 0 };
          let credits = 0;
          for (const q of parts) {
            const r = creditsFromActivity(m, rec(q), carry);
            credits += r.credits;
            carry = r.carry;
          }
          const whole = creditsFromActivity(m, rec(parts.reduce((a, b) => a + b, 0)));
          expect(credits).toBe(whole.credits);
          expect(carry).toEqual(whole.carry);
        },
      ),
      { numRuns: 200, seed: 2026 },
    );
  });
});
