import { fen, formatMoney, parseMoney, quantity } from './integers';
import { INSTRUMENTS, isCreditKind } from './instrument';

describe('integer money and quantities', () => {
  it('parses and formats money without floats', () => {
    expect(parseMoney('77.01')).toBe(7701);
    expect(parseMoney('13')).toBe(1300);
    expect(parseMoney('2.5')).toBe(250);
    expect(formatMoney(23_376_385_500)).toBe('233763855.00');
    expect(formatMoney(-5)).toBe('-0.05');
  });

  it('rejects non-integers and negative quantities', () => {
    expect(() => fen(0.1)).toThrow('DOMAIN.NOT_SAFE_INTEGER');
    expect(() => quantity(-1)).toThrow('DOMAIN.NEGATIVE');
  });

  it('knows units and credit kinds', () => {
    expect(INSTRUMENTS.WATER_USE.unit).toBe('m3/yr');
    expect(INSTRUMENTS.POLLUTANT_COD.validityYears).toBe(5);
    expect(isCreditKind('CQCER')).toBe(true);
    expect(isCreditKind('CARBON_ALLOWANCE')).toBe(false);
  });
});
