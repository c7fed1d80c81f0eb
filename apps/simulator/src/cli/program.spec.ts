import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './program';

describe('simulate CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a bad scenario before running: exit 2, FILE:LINE: FIELD, no output folder', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'name: x\nseed: 1\nyears: [2025]\ntradingDaysPerYear: 3\nlinkage: separate\nmarket: { initialReferencePrice: 5000, priceLimitBp: 1000 }\njurisdictions:\n  - { id: CQ, cap: { 2025: -5 } }\n',
    );
    let err = '';
    const code = await runCli(['run', bad, '--out', join(dir, 'out'), '--quiet'], (t) => (err += t));
    expect(code).toBe(2);
    expect(err).toContain(`${bad}:8: jurisdictions[0].cap.2025:`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('exits non-zero on a missing file and on a usage error', async () => {
    let err = '';
    expect(
      await runCli(['run', join(dir, 'nope.yaml'), '--out', join(dir, 'o2'), '--quiet'], (t) => (err += t)),
    ).toBe(2);
    expect(err).toMatch(/nope\.yaml:0: \(file\)/);
    expect(await runCli(['run'], () => undefined)).toBe(1);
  });

  it('runs a scenario with --set and writes the four files', async () => {
    const file = join(__dirname, '../../../../seeds/scenarios/two-provinces.yaml');
    const out = join(dir, 'ok');
    expect(await runCli(['run', file, '--out', out, '--set', 'tradingDaysPerYear=10', '--quiet'])).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { name: string };
    expect(summary.name).toBe('two-provinces-linear');
    expect(readFileSync(join(out, 'daily.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 2 * 10);
  });
});
