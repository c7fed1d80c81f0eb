import { createHash, type Hash } from 'node:crypto';
import type { Scenario } from '../scenario/model';
import { Projector } from '../replay/projector';
import type { Results } from '../replay/result';
import type { EventLog } from './event-log';
import { type Progress, simulate, type SimulationStats } from './simulate';

/** An event log that projects and hashes each line as it is written, keeping nothing else. */
export class ProjectingLog implements EventLog {
  readonly projector = new Projector();
  private readonly hash: Hash = createHash('sha256');
  private parts: string[] = [];
  lines = 0;

  line(text: string): void {
    this.projector.line(text);
    this.parts.push(text);
    this.lines++;
    if (this.parts.length >= 8192) this.flush();
  }

  private flush(): void {
    this.hash.update(this.parts.join('\n') + '\n');
    this.parts = [];
  }

  close(): string {
    if (this.parts.length > 0) this.flush();
    return this.hash.digest('hex');
  }
}

/** Runs a scenario without writing files (counterfactuals, sweeps, tests). */
export function runInMemory(s: Scenario, progress?: Progress): { results: Results; stats: SimulationStats } {
  const log = new ProjectingLog();
  const stats = simulate(s, log, progress);
  const sha = log.close();
  return { results: log.projector.results(sha), stats };
}
