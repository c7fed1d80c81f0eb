import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Results } from '../replay/result';
import { dailyCsv } from './daily-csv';
import { reportHtml } from './report-html';

export function writeDerivedFiles(dir: string, r: Results): void {
  writeFileSync(join(dir, 'summary.json'), `${JSON.stringify(r.summary, null, 2)}\n`);
  writeFileSync(join(dir, 'daily.csv'), dailyCsv(r.daily));
  writeFileSync(join(dir, 'report.html'), reportHtml(r));
}

/**
 * Builds a result folder atomically: `fill` writes into a fresh temporary sibling of `out`, which
 * replaces `out` only when everything succeeded. On failure nothing is left behind.
 */
export function withTempDir<T>(out: string, fill: (tmp: string) => T): T {
  const target = resolve(out);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = mkdtempSync(join(dirname(target), `.${target.split('/').pop() ?? 'out'}.tmp-`));
  try {
    const result = fill(tmp);
    if (existsSync(target)) rmSync(target, { recursive: true, force: true });
    renameSync(tmp, target);
    return result;
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
