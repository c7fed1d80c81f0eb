import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../scenario/load-scenario';
import { replayToDir, runToDir } from './run-scenario';

const file = join(__dirname, '../../../../seeds/scenarios/two-provinces.yaml');
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('deterministic runs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sim-det-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('same file and seed give a byte-identical event log; another seed gives another run', () => {
    const s = loadScenario(file);
    const a = runToDir(s, join(dir, 'a'));
    const b = runToDir(loadScenario(file), join(dir, 'b'));
    const c = runToDir({ ...s, seed: s.seed + 1 }, join(dir, 'c'));
    expect(sha(join(dir, 'a/events.jsonl'))).toBe(sha(join(dir, 'b/events.jsonl')));
    expect(a.results.summary.eventLogSha256).toBe(sha(join(dir, 'a/events.jsonl')));
    expect(b.results.summary.eventLogSha256).toBe(a.results.summary.eventLogSha256);
    expect(c.results.summary.eventLogSha256).not.toBe(a.results.summary.eventLogSha256);
    expect(readdirSync(join(dir, 'a')).sort()).toEqual([
      'daily.csv',
      'events.jsonl',
      'report.html',
      'summary.json',
    ]);
  });

  it('replay rebuilds summary, daily.csv and report byte for byte', () => {
    replayToDir(join(dir, 'a/events.jsonl'), join(dir, 'r'));
    for (const f of ['summary.json', 'daily.csv', 'report.html', 'events.jsonl']) {
      expect(sha(join(dir, 'r', f))).toBe(sha(join(dir, 'a', f)));
    }
  });

  it('the summary and daily.csv have the spec shape', () => {
    const summary = JSON.parse(readFileSync(join(dir, 'a/summary.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual(['name', 'seed', 'eventLogSha256', 'years']);
    const y = (summary['years'] as Record<string, Record<string, Record<string, Record<string, number>>>>)[
      '2025'
    ];
    expect(Object.keys(y?.['markets'] ?? {})).toEqual(['CQ', 'SC']);
    expect(Object.keys(y?.['markets']?.['CQ'] ?? {})).toEqual([
      'vwap',
      'close',
      'vwapFinalDays',
      'volume',
      'trades',
    ]);
    expect(Object.keys(y?.['jurisdictions']?.['CQ'] ?? {})).toEqual([
      'emissions',
      'abatement',
      'abatementCostFen',
      'surrendered',
      'shortfall',
      'compliantFirms',
      'firms',
    ]);
    expect(Object.keys(y?.['analytic']?.['SC'] ?? {})).toEqual(['equilibriumPrice', 'minAbatementCostFen']);
    const csv = readFileSync(join(dir, 'a/daily.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('year,day,market,open,high,low,close,vwap,volume');
    expect(csv).toHaveLength(1 + 2 * 50);
    const html = readFileSync(join(dir, 'a/report.html'), 'utf8');
    expect(html).toContain('uPlot');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
  });

  it('a failed run leaves no output folder behind', () => {
    const s = loadScenario(file);
    const broken = { ...s, market: { ...s.market, tick: 0 } };
    expect(() => runToDir(broken, join(dir, 'broken'))).toThrow();
    expect(existsSync(join(dir, 'broken'))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('tmp'))).toEqual([]);
  });
});
