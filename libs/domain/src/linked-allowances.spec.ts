import fc from 'fast-check';
import {
  allowancesOf,
  convertAllowances,
  isLinkedBook,
  linkableAllowance,
  linkGroupOf,
  toLinkedUnits,
  type ExchangeRatio,
} from './linked-allowances';

const ratio = fc.record({ CQ: fc.integer({ min: 1, max: 20 }), SC: fc.integer({ min: 1, max: 20 }) });

describe('linked allowances', () => {
  it('groups both provinces’ allowances of a vintage with their linked book, and nothing else', () => {
    expect(linkableAllowance('SCEA-2025')).toEqual({
      symbol: 'SCEA-2025',
      province: 'SC',
      vintage: 2025,
      group: 'EA-2025',
      linkedBook: 'LINKED-EA-2025',
    });
    expect(['CQEA-2025', 'SCEA-2025', 'LINKED-EA-2025'].map(linkGroupOf)).toEqual([
      'EA-2025',
      'EA-2025',
      'EA-2025',
    ]);
    expect(linkGroupOf('CQEA-2024')).toBe('EA-2024');
    expect(linkGroupOf('CCER')).toBe('CCER');
    expect(linkableAllowance('CQCER')).toBeUndefined();
    expect(isLinkedBook('LINKED-EA-2025')).toBe(true);
    expect(isLinkedBook('CQEA-2025')).toBe(false);
  });

  it('puts an order in linked units: 10 SC allowances at 1,800 fen are 5 units at 3,600 when 2 SC make one', () => {
    const r: ExchangeRatio = { CQ: 1, SC: 2 };
    expect(toLinkedUnits('SC', { price: 1800, qty: 10 }, r)).toEqual({ price: 3600, qty: 5 });
    expect(toLinkedUnits('CQ', { price: 3601, qty: 7 }, r)).toEqual({ price: 3601, qty: 7 });
    expect(toLinkedUnits('SC', { price: 1800, qty: 9 }, r)).toBeUndefined();
    expect(toLinkedUnits('SC', { qty: 4 }, r)).toEqual({ qty: 2 });
  });

  it('keeps the notional and the allowances when an order is put in linked units', () => {
    fc.assert(
      fc.property(
        ratio,
        fc.constantFrom('CQ' as const, 'SC' as const),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 1_000 }),
        (r, p, price, units) => {
          const qty = units * r[p];
          const linked = toLinkedUnits(p, { price, qty }, r)!;
          expect(linked.price! * linked.qty).toBe(price * qty);
          expect(allowancesOf(p, linked.qty, r)).toBe(qty);
        },
      ),
    );
  });

  it('converts surrendered allowances exactly, or refuses with MARKET.OFF_RATIO', () => {
    expect(convertAllowances('SC', 'CQ', 100, { CQ: 1, SC: 1 })).toBe(100);
    expect(convertAllowances('SC', 'CQ', 100, { CQ: 9, SC: 10 })).toBe(90);
    expect(() => convertAllowances('SC', 'CQ', 5, { CQ: 9, SC: 10 })).toThrow(/MARKET.OFF_RATIO/);
    fc.assert(
      fc.property(ratio, fc.integer({ min: 1, max: 10_000 }), (r, units) => {
        const sc = units * r.SC;
        const cq = convertAllowances('SC', 'CQ', sc, r);
        expect(cq).toBe(units * r.CQ);
        expect(convertAllowances('CQ', 'SC', cq, r)).toBe(sc);
      }),
    );
  });
});
