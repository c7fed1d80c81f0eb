import { ABSENT, DEAD, IdTable } from './id-table';

describe('IdTable', () => {
  it('maps ids to values, keeps them forever and reports absent ids', () => {
    const t = new IdTable(16);
    for (let i = 0; i < 1000; i++) t.set(`o${i}`, i);
    t.set('o7', DEAD);
    expect(t.get('o7')).toBe(DEAD);
    expect(t.get('o999')).toBe(999);
    expect(t.get('nope')).toBe(ABSENT);
    expect(t.has('o0')).toBe(true);
    expect(t.size).toBe(1000);
  });

  it.each([
    ['decimal', (i: number) => `o${i}`],
    ['base-36', (i: number) => `o${i.toString(36)}`],
    ['prefixed', (i: number) => `acct-${i % 97}-ord-${i}`],
    ['hex', (i: number) => ((i * 2654435761) >>> 0).toString(16).padStart(8, '0')],
  ])('keeps probe lengths short for %s ids (no clustering)', (_style, id) => {
    const t = new IdTable();
    for (let i = 0; i < 200_000; i++) t.set(id(i), i);
    expect(t.averageProbeLength()).toBeLessThan(1.8);
    expect(t.get(id(123_456))).toBe(123_456);
  });
});
