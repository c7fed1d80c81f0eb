import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario, loadScenarioText } from './load-scenario';
import { ScenarioError } from './scenario-error';
import { scenarioJsonSchema } from './schema';

const base = `name: t
seed: 1
years: [2025]
tradingDaysPerYear: 5
linkage: separate
market:
  initialReferencePrice: 5000
  priceLimitBp: 1000
jurisdictions:
  - id: CQ
    cap: { 2025: 100 }
enterprises:
  - id: f1
    jurisdiction: CQ
    emissions: { 2025: 120 }
    mac: { type: linear, maxAbatement: 50, priceAtMax: 9000 }
`;

function problem(text: string, file = 'bad.yaml'): string {
  try {
    loadScenarioText(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as Error).message;
  }
  throw new Error('expected a ScenarioError');
}

describe('scenario loading', () => {
  it('accepts the spec fields and defaults the agent to mac-trader', () => {
    const s = loadScenarioText(base, 'ok.yaml');
    expect(s.firms).toHaveLength(1);
    expect(s.firms[0]?.agent).toBe('mac-trader');
    expect(s.market.tick).toBe(1);
  });

  it('refuses an unknown field with file, line and field', () => {
    expect(
      problem(base.replace('    jurisdiction: CQ\n', '    jurisdiction: CQ\n    colour: red\n')),
    ).toMatch(/^bad\.yaml:15: enterprises\[0\]\.colour: unknown field "colour"/);
  });

  it('refuses a wrong type', () => {
    expect(problem(base.replace('tradingDaysPerYear: 5', 'tradingDaysPerYear: five'))).toMatch(
      /bad\.yaml:4: tradingDaysPerYear:/,
    );
  });

  it('refuses a negative quantity', () => {
    expect(problem(base.replace('{ 2025: 120 }', '{ 2025: -120 }'))).toMatch(
      /bad\.yaml:15: enterprises\[0\]\.emissions\.2025:/,
    );
  });

  it('refuses a year with no trading days', () => {
    expect(problem(base.replace('tradingDaysPerYear: 5', 'tradingDaysPerYear: 0'))).toMatch(
      /:4: tradingDaysPerYear:/,
    );
  });

  it('refuses a cap with no firms', () => {
    const text = base.replace('jurisdictions:\n', 'jurisdictions:\n  - id: SC\n    cap: { 2025: 5 }\n');
    expect(problem(text)).toMatch(/bad\.yaml:11: jurisdictions\[0\]\.cap: a cap with no firms/);
  });

  it('refuses generated ids that collide', () => {
    const text = `${base}generate:\n  - { count: 2, jurisdiction: CQ, prefix: f, emissions: 5, mac: { type: linear, maxAbatement: 1, priceAtMax: 9 } }\n  - { count: 2, jurisdiction: CQ, prefix: f, emissions: 5, mac: { type: linear, maxAbatement: 1, priceAtMax: 9 } }\n`;
    expect(problem(text)).toMatch(/bad\.yaml:19: generate\[1\]\.prefix: generated id f001 is already used/);
  });

  it('refuses a penalty rule without its parameters, and a credit from an unknown issuer', () => {
    const national = base.replace('priceLimitBp: 1000', 'priceLimitBp: 1000\n  penaltyRule: national-2024');
    expect(problem(national)).toContain('bad.yaml:6: market.penaltyMultiplier: must be 5–10');
    const eu = base.replace('priceLimitBp: 1000', 'priceLimitBp: 1000\n  penaltyRule: eu-fixed');
    expect(problem(eu)).toContain('market.penaltyFinePerTonneFen: required with penaltyRule eu-fixed');
    const credit = `${base}    credits: [{ issuer: XX, quantity: { 2025: 5 } }]\n`;
    expect(problem(credit)).toContain('enterprises[0].credits[0].issuer: unknown jurisdiction XX');
  });

  it('names the line in JSON files too', () => {
    const json = JSON.stringify(
      { name: 't', seed: 1, years: [2025], tradingDaysPerYear: 5, linkage: 'bogus' },
      null,
      2,
    );
    expect(problem(json, 'bad.json')).toMatch(/^bad\.json:8: linkage:/);
  });

  it('loads the example scenarios', () => {
    const dir = join(__dirname, '../../../../seeds/scenarios');
    expect(loadScenario(join(dir, 'two-provinces.yaml')).firms.length).toBe(141);
  });

  it('has its JSON Schema committed and current', () => {
    const committed: unknown = JSON.parse(
      readFileSync(join(__dirname, '../../scenario.schema.json'), 'utf8'),
    );
    expect(committed).toEqual(scenarioJsonSchema());
  });
});
