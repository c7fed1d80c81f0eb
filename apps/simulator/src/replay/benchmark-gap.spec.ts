import { costEfficiencyBp, priceErrorBp } from './benchmark-gap';
import type { YearResult } from './result';

const jurisdiction = (abatementCostFen: number) => ({
  emissions: 0,
  abatement: 0,
  abatementCostFen,
  surrendered: 0,
  shortfall: 0,
  compliantFirms: 0,
  firms: 0,
});
const market = (vwapFinalDays: number) => ({ vwap: 0, close: 0, vwapFinalDays, volume: 0, trades: 0 });

describe('distance to the least-cost benchmark', () => {
  const y: YearResult = {
    markets: { CQ: market(7_900), SC: market(5_000) },
    jurisdictions: { CQ: jurisdiction(600), SC: jurisdiction(700) },
    analytic: {
      CQ: { equilibriumPrice: 8_000, minAbatementCostFen: 500 },
      SC: { equilibriumPrice: 0, minAbatementCostFen: 700 },
    },
  };

  it('price error: final-tenth VWAP against the equilibrium price, signed basis points', () => {
    expect(priceErrorBp(y, 'CQ')).toBe(-125); // (7,900 − 8,000) / 8,000
    expect(priceErrorBp(y, 'SC')).toBeUndefined(); // no shortage, no benchmark price
    expect(priceErrorBp(y, 'JOINT')).toBeUndefined();
  });

  it('cost efficiency: least cost over simulated cost, floor', () => {
    expect(costEfficiencyBp(y)).toBe(9_230); // 1,200 / 1,300 = 0.92307…
    expect(costEfficiencyBp({ ...y, jurisdictions: { CQ: jurisdiction(0) } })).toBe(10_000);
  });
});
