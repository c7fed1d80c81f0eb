import { loadScenario, loadScenarioWith } from '../scenario/load-scenario';
import { writeScenarioSchema } from '../scenario/write-schema';
import { replayToDir, runToDir } from '../run/run-scenario';
import { runInMemory } from '../run/run-in-memory';
import { applyOverrides } from './overrides';
import { headline, sideBySide } from './metrics';
import { reporter } from './progress';
import { loadRecordedScenario, recordedLogPath } from '../scenario/recorded';
import { replayFile } from '../replay/read-log';
import type { Results } from '../replay/result';

export interface CommonOptions {
  quiet?: boolean;
}

const say = (quiet: boolean | undefined, text: string): void => {
  if (!quiet) process.stdout.write(`${text}\n`);
};

export function runCommand(file: string, opts: CommonOptions & { out: string; set?: string[] }): void {
  const s =
    opts.set && opts.set.length > 0
      ? loadScenarioWith(file, (raw) => applyOverrides(raw, opts.set ?? []))
      : loadScenario(file);
  const rep = reporter(`run ${s.name}`, opts.quiet ?? false);
  const { results, stats } = runToDir(s, opts.out, rep.progress);
  rep.done();
  say(
    opts.quiet,
    `${s.name}: ${s.firms.length} firms, ${stats.orders} orders, ${stats.events} events → ${opts.out}`,
  );
  say(opts.quiet, `eventLogSha256 ${results.summary.eventLogSha256}`);
}

export function replayCommand(log: string, opts: CommonOptions & { out: string }): void {
  const { results, events } = replayToDir(log, opts.out);
  say(
    opts.quiet,
    `replayed ${events} events → ${opts.out} (eventLogSha256 ${results.summary.eventLogSha256})`,
  );
}

/**
 * `counterfactual`: FILE is run as written and again with the overrides; a recorded run (DIR or
 * DIR/events.jsonl) is taken as it was recorded (replayed, not rerun) and its recorded scenario is
 * rerun with the overrides.
 */
export function counterfactualCommand(file: string, opts: CommonOptions & { set: string[] }): void {
  if (opts.set.length === 0) throw new Error('counterfactual needs at least one --set path=value');
  const apply = (raw: unknown) => applyOverrides(raw, opts.set);
  const log = recordedLogPath(file);
  const alt = log ? loadRecordedScenario(log, apply) : loadScenarioWith(file, apply);
  let base: Results;
  if (log) base = replayFile(log).results;
  else {
    const r1 = reporter('base', opts.quiet ?? false);
    base = runInMemory(loadScenario(file), r1.progress).results;
    r1.done();
  }
  const r2 = reporter('counterfactual', opts.quiet ?? false);
  const b = runInMemory(alt, r2.progress);
  r2.done();
  process.stdout.write(`counterfactual: ${opts.set.join(' ')}${log ? ` (base: recorded run ${log})` : ''}\n`);
  process.stdout.write(`${sideBySide(headline(base), headline(b.results), ['base', 'counterfactual'])}\n`);
}

export function schemaCommand(opts: { out: string }): void {
  writeScenarioSchema(opts.out);
}
