import { join } from 'node:path';
import { loadScenario } from '../scenario/load-scenario';
import { runInMemory } from './run-in-memory';

it('runs the small scenario', () => {
  const s = loadScenario(join(__dirname, '../../../../seeds/scenarios/two-provinces.yaml'));
  for (const linkage of ['separate', 'linked'] as const) {
    const { results: r } = runInMemory({ ...s, linkage });
    const y = r.summary.years['2025'];
    if (!y) throw new Error('no year');
    const cost = Object.values(y.jurisdictions).reduce((a, j) => a + j.abatementCostFen, 0);
    const min = Object.values(y.analytic).reduce((a, j) => a + j.minAbatementCostFen, 0);
    console.log(linkage, JSON.stringify(y.markets), JSON.stringify(y.analytic), cost / min, JSON.stringify(Object.values(y.jurisdictions).map(j=>j.shortfall)));
  }
});
