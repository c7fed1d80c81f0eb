import { writeFileSync } from 'node:fs';
import { loadScenario, loadScenarioWith } from '../scenario/load-scenario';
import { writeScenarioSchema } from '../scenario/write-schema';
import { replayToDir, runToDir } from '../run/run-scenario';
import { runInMemory } from '../run/run-in-memory';
import { applyOverrides } from './overrides';
import { headline, sideBySide } from './metrics';
import { reporter } from './progress';

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

export function counterfactualCommand(file: string, opts: CommonOptions & { set: string[] }): void {
  if (opts.set.length === 0) throw new Error('counterfactual needs at least one --set path=value');
  const base = loadScenario(file);
  const alt = loadScenarioWith(file, (raw) => applyOverrides(raw, opts.set));
  const r1 = reporter('base', opts.quiet ?? false);
  const a = runInMemory(base, r1.progress);
  r1.done();
  const r2 = reporter('counterfactual', opts.quiet ?? false);
  const b = runInMemory(alt, r2.progress);
  r2.done();
  process.stdout.write(`counterfactual: ${opts.set.join(' ')}\n`);
  process.stdout.write(
    `${sideBySide(headline(a.results), headline(b.results), ['base', 'counterfactual'])}\n`,
  );
}

/** Parses "1..20" (inclusive range) or "1,5,9" into seeds. */
export function parseSeeds(text: string): number[] {
  const range = /^(\d+)\.\.(\d+)$/.exec(text);
  if (range) {
    const out: number[] = [];
    for (let s = Number(range[1]); s <= Number(range[2]); s++) out.push(s);
    return out;
  }
  return text.split(',').map((x) => {
    if (!/^\d+$/.test(x)) throw new Error(`bad seed list "${text}": use 1..20 or 1,2,3`);
    return Number(x);
  });
}

/** Cartesian product of `--grid path=v1,v2` options, each as a list of --set strings. */
export function gridCombos(grid: readonly string[]): string[][] {
  let combos: string[][] = [[]];
  for (const g of grid) {
    const eq = g.indexOf('=');
    if (eq <= 0) throw new Error(`--grid needs path=v1,v2, got "${g}"`);
    const path = g.slice(0, eq);
    const values = g.slice(eq + 1).split(',');
    combos = combos.flatMap((c) => values.map((v) => [...c, `${path}=${v}`]));
  }
  return combos;
}

export function sweepCommand(
  file: string,
  opts: CommonOptions & { seeds: string; grid: string[]; out?: string },
): void {
  const seeds = parseSeeds(opts.seeds);
  const combos = gridCombos(opts.grid);
  const scenarios = combos.flatMap((sets) =>
    seeds.map((seed) => ({
      sets,
      seed,
      s: loadScenarioWith(file, (raw) => applyOverrides(raw, [...sets, `seed=${seed}`])),
    })),
  );
  const rows: { seed: number; values: string[]; h: Map<string, number> }[] = [];
  const keys = new Set<string>();
  const rep = reporter('sweep', opts.quiet ?? false, 'runs');
  scenarios.forEach((run, k) => {
    const h = headline(runInMemory(run.s).results);
    for (const key of h.keys()) keys.add(key);
    rows.push({ seed: run.seed, values: run.sets.map((x) => x.slice(x.indexOf('=') + 1)), h });
    rep.progress?.(k + 1, scenarios.length);
  });
  rep.done();
  const axes = opts.grid.map((g) => g.slice(0, g.indexOf('=')));
  const lines = [['seed', ...axes, ...keys].join(',')];
  for (const r of rows)
    lines.push([String(r.seed), ...r.values, ...[...keys].map((k) => String(r.h.get(k) ?? ''))].join(','));
  const csv = `${lines.join('\n')}\n`;
  if (opts.out) writeFileSync(opts.out, csv);
  else process.stdout.write(csv);
}

export function schemaCommand(opts: { out: string }): void {
  writeScenarioSchema(opts.out);
}
