import { gridCombos, parseSeeds } from '../sweep/sweep-plan';
import { applyOverrides } from './overrides';
import { headline, sideBySide } from './metrics';

describe('CLI helpers', () => {
  it('parses seed lists and ranges', () => {
    expect(parseSeeds('1..4')).toEqual([1, 2, 3, 4]);
    expect(parseSeeds('7,9')).toEqual([7, 9]);
    expect(() => parseSeeds('a,b')).toThrow(/bad seed list/);
  });

  it('builds the grid as a cartesian product of --set strings', () => {
    expect(gridCombos(['linkage=separate,linked', 'market.priceLimitBp=0,1000'])).toEqual([
      ['linkage=separate', 'market.priceLimitBp=0'],
      ['linkage=separate', 'market.priceLimitBp=1000'],
      ['linkage=linked', 'market.priceLimitBp=0'],
      ['linkage=linked', 'market.priceLimitBp=1000'],
    ]);
  });

  it('applies --set overrides as typed YAML values without touching the original', () => {
    const raw = {
      linkage: 'separate',
      market: { priceLimitBp: 1000 },
      jurisdictions: [{ id: 'CQ', cap: { '2025': 5 } }],
    };
    const out = applyOverrides(raw, [
      'linkage=linked',
      'market.priceLimitBp=0',
      'jurisdictions.0.cap.2025=7',
    ]);
    expect(out).toEqual({
      linkage: 'linked',
      market: { priceLimitBp: 0 },
      jurisdictions: [{ id: 'CQ', cap: { '2025': 7 } }],
    });
    expect(raw.market.priceLimitBp).toBe(1000);
  });

  it('prints differences side by side', () => {
    const text = sideBySide(
      new Map([['x', 100]]),
      new Map([
        ['x', 90],
        ['y', 1],
      ]),
      ['base', 'alt'],
    );
    expect(text).toMatch(/x\s+100\s+90\s+-10 \(-10\.0%\)/);
    expect(text).toMatch(/y\s+-\s+1\s+-/);
    expect(
      headline({
        summary: { name: '', seed: 0, eventLogSha256: '', years: {} },
        daily: [],
        firms: [],
        positions: [],
        linkage: 'linked',
        penalties: {},
      }).size,
    ).toBe(0);
  });
});
