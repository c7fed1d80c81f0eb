import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunDirectory } from './run-directory';

describe('RunDirectory', () => {
  const root = mkdtempSync(join(tmpdir(), 'runs-'));
  const write = (id: string, files: Record<string, string>) => {
    mkdirSync(join(root, id), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, id, name), text);
  };
  write('base', {
    'summary.json': JSON.stringify({ name: 'two-provinces', seed: 42, years: { 2025: {} } }),
    'report.html': '<html>',
  });
  write('unfinished', { 'events.jsonl': '' });
  const runs = new RunDirectory(root);

  it('lists folders with a summary, with the scenario name, seed and years', () => {
    expect(runs.list()).toEqual([
      { id: 'base', name: 'two-provinces', seed: 42, years: ['2025'], finishedAt: expect.any(Number) },
    ]);
  });

  it('gives a run summary and report, and refuses unknown or malformed ids naming runId', () => {
    expect(runs.summary('base')).toMatchObject({ seed: 42 });
    expect(runs.reportPath('base')).toBe(join(root, 'base', 'report.html'));
    expect(() => runs.summary('unfinished')).toThrow(
      expect.objectContaining({ code: 'RESEARCH.RUN_NOT_FOUND' }),
    );
    expect(() => runs.summary('../etc')).toThrow(expect.objectContaining({ code: 'RESEARCH.BAD_RUN_ID' }));
  });

  it('lists nothing when the folder does not exist', () => {
    expect(new RunDirectory(join(root, 'missing')).list()).toEqual([]);
  });
});
