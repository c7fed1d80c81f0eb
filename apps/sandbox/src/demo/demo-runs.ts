import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Two runs of the same scenario, apart only in the linkage rule: something to compare on the research screen. */
export const DEMO_RUNS: { id: string; scenario: string; set: string[] }[] = [
  { id: 'demo-separate', scenario: 'seeds/scenarios/two-provinces.yaml', set: ['linkage=separate'] },
  { id: 'demo-linked', scenario: 'seeds/scenarios/two-provinces.yaml', set: ['linkage=linked'] },
];

/**
 * Runs the demo scenarios with the built simulator CLI (a child process, so the exchange keeps
 * serving) into `runsDir`, skipping runs already there.
 */
export async function ensureDemoRuns(
  runsDir: string,
  simulatorMain = resolve('dist/apps/simulator/src/main.js'),
): Promise<void> {
  for (const demo of DEMO_RUNS) {
    const out = join(runsDir, demo.id);
    if (existsSync(join(out, 'summary.json'))) continue;
    await run(process.execPath, [
      simulatorMain,
      'run',
      demo.scenario,
      '--out',
      out,
      '--quiet',
      ...demo.set.flatMap((s) => ['--set', s]),
    ]);
  }
}
