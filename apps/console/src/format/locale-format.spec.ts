import { localeFormat } from './locale-format';

describe('locale formats', () => {
  const zh = localeFormat('zh-CN');
  const en = localeFormat('en-US');

  it('shows fen as yuan with two decimals and the grouping of the locale', () => {
    expect(en.yuan(123_456_789)).toBe('1,234,567.89');
    expect(zh.yuan(123_456_789)).toBe('1,234,567.89');
    expect(en.yuan(5)).toBe('0.05');
    expect(en.yuan(-3650)).toBe('-36.50');
  });

  it('keeps every fen of amounts too large for fen / 100 to be exact', () => {
    // 2^53 − 1 fen: dividing by 100 in binary floating point would round the last digits.
    expect(en.yuan(Number.MAX_SAFE_INTEGER)).toBe('90,071,992,547,409.91');
  });

  it('groups whole numbers and shows basis points as a percentage', () => {
    expect(en.number(200_100)).toBe('200,100');
    expect(zh.number(200_100)).toBe('200,100');
    expect(en.percentBp(1250)).toBe('12.5%');
    expect(zh.percentBp(2500)).toBe('25%');
  });

  it('writes a calendar day in the words of the locale, whatever the time zone', () => {
    expect(zh.date('2026-12-31')).toBe('2026年12月31日');
    expect(en.date('2026-12-31')).toBe('December 31, 2026');
    expect(en.date('2026-06-15T23:30:00+08:00')).toBe('June 15, 2026');
  });
});
