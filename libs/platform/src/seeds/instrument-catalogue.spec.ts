import { INSTRUMENT_KINDS } from '@app/domain';
import { InstrumentCatalogue } from './instrument-catalogue';

describe('the seeded instrument catalogue', () => {
  const catalogue = InstrumentCatalogue.load('seeds');

  it('lists every environmental right of the plan', () => {
    const kinds = new Set(catalogue.list().map((i) => i.kind));
    expect([...kinds].sort()).toEqual([...INSTRUMENT_KINDS].sort());
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

  it('refuses a malformed catalogue, naming the field', () => {
    const bad = { ...catalogue.file, instruments: [{ ...catalogue.list()[0], tick: 0.5 }] };
    expect(() => InstrumentCatalogue.parse(bad)).toThrow(/instruments\.0\.tick/);
  });
});
