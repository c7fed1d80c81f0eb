import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DomainError } from '@app/domain';

/** The headline of one simulator run, as the research screen lists it. */
export interface RunListing {
  id: string;
  name: string;
  seed: number;
  years: string[];
  /** When the run's summary was written (ms since the epoch). */
  finishedAt: number;
}

const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Simulator output folders (`npm run simulate -- run FILE --out RUNS_DIR/<id>`) read as research
 * runs: a folder counts once its `summary.json` exists (the simulator writes it last).
 */
export class RunDirectory {
  constructor(readonly root: string) {}

  list(): RunListing[] {
    if (!existsSync(this.root)) return [];
    return readdirSync(this.root, { withFileTypes: true })
      .filter(
        (d) => d.isDirectory() && RUN_ID.test(d.name) && existsSync(join(this.root, d.name, 'summary.json')),
      )
      .map((d) => this.listing(d.name))
      .sort((a, b) => b.finishedAt - a.finishedAt || a.id.localeCompare(b.id));
  }

  summary(id: string): unknown {
    return JSON.parse(readFileSync(this.file(id, 'summary.json'), 'utf8'));
  }

  reportPath(id: string): string {
    return this.file(id, 'report.html');
  }

  private listing(id: string): RunListing {
    const path = this.file(id, 'summary.json');
    const summary = JSON.parse(readFileSync(path, 'utf8')) as {
      name?: string;
      seed?: number;
      years?: object;
    };
    return {
      id,
      name: String(summary.name ?? id),
      seed: Number(summary.seed ?? 0),
      years: Object.keys(summary.years ?? {}),
      finishedAt: statSync(path).mtimeMs,
    };
  }

  private file(id: string, name: string): string {
    if (!RUN_ID.test(id))
      throw new DomainError(
        'RESEARCH.BAD_RUN_ID',
        'a run id is 1-64 letters, digits, dot, dash or underscore',
        {
          field: 'runId',
        },
      );
    const path = resolve(this.root, id, name);
    if (!existsSync(path))
      throw new DomainError('RESEARCH.RUN_NOT_FOUND', `no run ${id}`, { field: 'runId' });
    return path;
  }
}
