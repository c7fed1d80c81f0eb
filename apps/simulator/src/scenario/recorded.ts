import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expandScenario } from './expand';
import { validateRaw } from './load-scenario';
import type { Scenario } from './model';
import { ScenarioError } from './scenario-error';

/** `DIR` or `DIR/events.jsonl` → the log path; a scenario file → undefined. */
export function recordedLogPath(path: string): string | undefined {
  try {
    if (statSync(path).isDirectory()) return join(path, 'events.jsonl');
  } catch {
    return undefined;
  }
  return path.endsWith('.jsonl') ? path : undefined;
}

/** The first line of a (possibly huge) file, read in small chunks. */
function firstLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 16);
    const parts: Buffer[] = [];
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      const nl = buf.subarray(0, n).indexOf(10);
      parts.push(Buffer.from(buf.subarray(0, nl < 0 ? n : nl)));
      if (nl >= 0) break;
    }
    return Buffer.concat(parts).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * The scenario a run recorded in its log (`scenario-started.scenario`), with `apply` (the
 * `--set` overrides) applied and validated like a file; problems are reported against line 1.
 */
export function loadRecordedScenario(logPath: string, apply: (raw: unknown) => unknown): Scenario {
  let event: { type?: unknown; scenario?: unknown };
  try {
    event = JSON.parse(firstLine(logPath)) as typeof event;
  } catch (e) {
    throw new ScenarioError(logPath, [{ line: 1, field: '(log)', message: (e as Error).message }]);
  }
  if (event.type !== 'scenario-started' || event.scenario === undefined) {
    throw new ScenarioError(logPath, [
      {
        line: 1,
        field: 'scenario',
        message: 'not a log that records its scenario (scenario-started.scenario)',
      },
    ]);
  }
  return expandScenario(
    validateRaw(apply(event.scenario), `${logPath} (recorded scenario, with --set)`, () => 1),
  );
}
