import type { SweepPlan } from './sweep-plan';
import type { HeadlineEntries } from './sweep-job';

/**
 * The sweep table: one row per run (seed, grid values, headline figures). Columns are the union of
 * every run's headline names in first-seen order, so a grid over `linkage` (JOINT vs CQ/SC markets)
 * still gives one table; a figure a run does not have is left empty.
 */
export function sweepColumns(results: readonly HeadlineEntries[]): string[] {
  const keys = new Set<string>();
  for (const r of results) for (const [k] of r) keys.add(k);
  return [...keys];
}

export function sweepCsv(plan: SweepPlan, results: readonly HeadlineEntries[]): string {
  const keys = sweepColumns(results);
  const lines = [['seed', ...plan.axes, ...keys].join(',')];
  plan.points.forEach((p, i) => {
    const h = new Map(results[i]);
    const figures = keys.map((k) => String(h.get(k) ?? ''));
    lines.push([String(p.seed), ...p.values, ...figures].join(','));
  });
  return `${lines.join('\n')}\n`;
}
