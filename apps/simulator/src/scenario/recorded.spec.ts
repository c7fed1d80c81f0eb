import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyOverrides } from '../cli/overrides';
import { runInMemory } from '../run/run-in-memory';
import { runToDir } from '../run/run-scenario';
import { loadScenarioWith } from './load-scenario';
import { loadRecordedScenario, recordedLogPath } from './recorded';

const file = join(__dirname, '../../../../seeds/scenarios/two-provinces.yaml');
const short = (raw: unknown) => applyOverrides(raw, ['tradingDaysPerYear=8']);

describe('counterfactual of a recorded run', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sim-recorded-'));
    runToDir(loadScenarioWith(file, short), join(dir, 'run'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the log of a result folder or an events.jsonl, and not of a scenario file', () => {
    expect(recordedLogPath(join(dir, 'run'))).toBe(join(dir, 'run/events.jsonl'));
    expect(recordedLogPath(join(dir, 'run/events.jsonl'))).toBe(join(dir, 'run/events.jsonl'));
    expect(recordedLogPath(file)).toBeUndefined();
  });

  it('reruns the scenario recorded in the log with the overrides, exactly as from the file', () => {
    const linked = (raw: unknown) => applyOverrides(raw, ['linkage=linked']);
    const fromLog = runInMemory(loadRecordedScenario(join(dir, 'run/events.jsonl'), linked));
    const fromFile = runInMemory(loadScenarioWith(file, (raw) => linked(short(raw))));
    expect(Object.keys(fromLog.results.summary.years['2025']?.markets ?? {})).toEqual(['JOINT']);
    expect(fromLog.results.summary.eventLogSha256).toBe(fromFile.results.summary.eventLogSha256);
  });

  it('refuses overrides the schema refuses, and a log that does not record its scenario', () => {
    expect(() =>
      loadRecordedScenario(join(dir, 'run/events.jsonl'), (raw) =>
        applyOverrides(raw, ['market.colour=red']),
      ),
    ).toThrow(/events\.jsonl \(recorded scenario, with --set\):1: market\.colour: unknown field "colour"/);
    const old = join(dir, 'old.jsonl');
    writeFileSync(old, '{"type":"scenario-started","name":"x"}\n');
    expect(() => loadRecordedScenario(old, (raw) => raw)).toThrow(/does not record|not a log/);
  });
});
