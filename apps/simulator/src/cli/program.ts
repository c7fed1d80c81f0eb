import { Command } from 'commander';
import { counterfactualCommand, replayCommand, runCommand, schemaCommand } from './commands';
import { type SweepOptions, sweepCommand, type WorkerOptions, workerCommand } from '../sweep/sweep-command';
import { ScenarioError } from '../scenario/scenario-error';

const collect = (value: string, prev: string[]): string[] => [...prev, value];

/** The commander program (built fresh per call so tests can run it repeatedly). */
export function buildProgram(stderr: (text: string) => void): Command {
  const program = new Command('simulate')
    .exitOverride()
    .configureOutput({ writeErr: stderr })
    .description('Chengdu–Chongqing carbon-market simulator: scenarios through the real matching engine')
    .showHelpAfterError();

  program
    .command('run <file>')
    .description(
      'run a scenario file (YAML or JSON) and write summary.json, events.jsonl, daily.csv, report.html',
    )
    .requiredOption('--out <dir>', 'result folder (replaced atomically)')
    .option('--set <path=value>', 'override a scenario field (repeatable)', collect, [])
    .option('--quiet', 'no progress output')
    .action((file: string, opts: { out: string; set: string[]; quiet?: boolean }) => runCommand(file, opts));

  program
    .command('replay <log>')
    .description('rebuild summary.json, daily.csv and report.html from an events.jsonl')
    .requiredOption('--out <dir>', 'result folder')
    .option('--quiet', 'no output')
    .action((log: string, opts: { out: string; quiet?: boolean }) => replayCommand(log, opts));

  program
    .command('counterfactual <file>')
    .description('rerun with changed rules and print base and counterfactual side by side')
    .option('--set <path=value>', 'e.g. linkage=linked, market.priceLimitBp=0 (repeatable)', collect, [])
    .option('--quiet', 'no progress output')
    .action((file: string, opts: { set: string[]; quiet?: boolean }) => counterfactualCommand(file, opts));

  program
    .command('sweep <file>')
    .description(
      'grid × seeds: one CSV row per run and an HTML chart across the grid; in process, or on BullMQ workers with --redis',
    )
    .option('--seeds <list>', 'seeds: 1..20 or 1,2,3', '1..5')
    .option('--grid <path=v1,v2>', 'a grid axis, e.g. linkage=separate,linked (repeatable)', collect, [])
    .option('--out <file>', 'write the CSV here instead of stdout (and the chart beside it, .html)')
    .option('--html <file>', 'write the chart page here')
    .option(
      '--metric <column>',
      'a CSV column to chart (repeatable; default: final-tenth VWAPs and total cost)',
      collect,
      [],
    )
    .option(
      '--redis <url>',
      `distribute over BullMQ workers on this Redis (or set ${'$'}SIMULATOR_REDIS_URL)`,
    )
    .option('--prefix <prefix>', 'BullMQ key prefix shared with the workers', 'simulator')
    .option('--worker-timeout <seconds>', 'fail if no worker takes a job within this time', '30')
    .option('--quiet', 'no progress output')
    .action((file: string, opts: SweepOptions) => sweepCommand(file, opts));

  program
    .command('worker')
    .description('run sweep jobs from BullMQ until SIGINT/SIGTERM (start as many as you like, anywhere)')
    .option('--redis <url>', 'Redis URL (default $SIMULATOR_REDIS_URL, else redis://127.0.0.1:6379)')
    .option('--prefix <prefix>', 'BullMQ key prefix shared with the sweep command', 'simulator')
    .option('--concurrency <n>', 'simulations at the same time, each in a worker thread (default: CPU count)')
    .option('--quiet', 'no log lines')
    .action((opts: WorkerOptions) => workerCommand(opts));

  program
    .command('schema')
    .description('write the JSON Schema of scenario files')
    .requiredOption('--out <file>', 'where to write it')
    .action((opts: { out: string }) => schemaCommand(opts));
  return program;
}

/** Runs the CLI; resolves to the exit code (0 ok, 2 bad scenario, 1 other errors). */
export async function runCli(
  argv: readonly string[],
  stderr: (text: string) => void = (t) => process.stderr.write(t),
): Promise<number> {
  try {
    await buildProgram(stderr).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof ScenarioError) {
      stderr(`error: bad scenario\n${e.message}\n`);
      return 2;
    }
    const code = (e as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0;
    if (typeof code === 'string' && code.startsWith('commander.')) return 1;
    stderr(`error: ${(e as Error).message}\n`);
    return 1;
  }
}
