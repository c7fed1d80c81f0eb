import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../scenario/model';
import { FileEventLog } from './event-log';
import { type Progress, simulate, type SimulationStats } from './simulate';
import { replayFile } from '../replay/read-log';
import type { Results } from '../replay/result';
import { withTempDir, writeDerivedFiles } from '../output/write-results';

export interface RunOutcome {
  readonly results: Results;
  readonly stats: SimulationStats;
}

/** `run`: simulate into DIR/events.jsonl, then derive summary, daily.csv and report from that log. */
export function runToDir(s: Scenario, out: string, progress?: Progress): RunOutcome {
  return withTempDir(out, (tmp) => {
    const path = join(tmp, 'events.jsonl');
    const log = new FileEventLog(path);
    const stats = simulate(s, log, progress);
    log.close();
    const { results } = replayFile(path);
    writeDerivedFiles(tmp, results);
    return { results, stats };
  });
}

/** `replay`: rebuild the derived files from an existing event log (copied into DIR). */
export function replayToDir(logPath: string, out: string): { results: Results; events: number } {
  return withTempDir(out, (tmp) => {
    copyFileSync(logPath, join(tmp, 'events.jsonl'));
    const r = replayFile(join(tmp, 'events.jsonl'));
    writeDerivedFiles(tmp, r.results);
    return r;
  });
}
