import { compareRuns, RunSummary } from './compare-runs';

const separate: RunSummary = {
  name: 'two-provinces',
  seed: 42,
  years: {
    '2025': {
      markets: {
        CQ: { vwap: 8532, close: 10367, volume: 189788 },
        SC: { vwap: 15175, close: 22018, volume: 156475 },
      },
      jurisdictions: { CQ: { abatementCostFen: 3346376041, shortfall: 0 } },
      analytic: { CQ: { equilibriumPrice: 10362 } },
    },
  },
};
const linked: RunSummary = {
  name: 'two-provinces',
  seed: 42,
  years: {
    '2025': {
      markets: { 'CQ+SC': { vwap: 15000, close: 16000, volume: 400000 } },
      jurisdictions: { CQ: { abatementCostFen: 5000000000, shortfall: 10 } },
      analytic: { 'CQ+SC': { equilibriumPrice: 15990 } },
    },
  },
};

describe('compareRuns', () => {
  it('puts the same figure of both runs on one row with the difference', () => {
    const rows = compareRuns(separate, linked);
    expect(rows).toContainEqual({
      key: 'research.abatementCost',
      params: { year: '2025', market: 'CQ' },
      unit: 'fen',
      a: 3346376041,
      b: 5000000000,
      diff: 1653623959,
    });
    expect(rows).toContainEqual({
      key: 'research.shortfall',
      params: { year: '2025', market: 'CQ' },
      unit: 'units',
      a: 0,
      b: 10,
      diff: 10,
    });
  });

  it('keeps markets that only one run has, without a difference', () => {
    const rows = compareRuns(separate, linked);
    expect(rows).toContainEqual({
      key: 'research.vwap',
      params: { year: '2025', market: 'CQ+SC' },
      unit: 'fen',
      a: undefined,
      b: 15000,
      diff: undefined,
    });
    expect(rows).toContainEqual({
      key: 'research.vwap',
      params: { year: '2025', market: 'SC' },
      unit: 'fen',
      a: 15175,
      b: undefined,
      diff: undefined,
    });
  });

  it('compares a run with itself as all zero differences', () => {
    expect(compareRuns(separate, separate).every((r) => r.diff === 0)).toBe(true);
  });
});
