import { loadScenarioTextWith } from '../scenario/load-scenario';
import { applyOverrides } from '../cli/overrides';
import { headline } from '../cli/metrics';
import { runInMemory } from '../run/run-in-memory';

/**
 * What one sweep job carries: the scenario file's text (so a worker on another machine needs no
 * copy of it), its name (for error messages) and the `--set` overrides of the point, seed included.
 */
export interface SweepJob {
  readonly file: string;
  readonly text: string;
  readonly sets: readonly string[];
}

/** Headline figures of a run as `[name, value]` pairs, in a fixed order (JSON-safe, unlike a Map). */
export type HeadlineEntries = [string, number][];

/** Runs one sweep point. The in-process sweep and the BullMQ workers both call exactly this. */
export function runSweepJob(job: SweepJob): HeadlineEntries {
  const s = loadScenarioTextWith(job.text, job.file, (raw) => applyOverrides(raw, job.sets));
  return [...headline(runInMemory(s).results)];
}
