import type { PathSegment } from './locate';

export interface ScenarioProblem {
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

/** Bad scenario input: every problem names the file, the line and the field. */
export class ScenarioError extends Error {
  readonly code = 'SIMULATOR.BAD_SCENARIO';
  constructor(
    readonly file: string,
    readonly problems: readonly ScenarioProblem[],
  ) {
    super(problems.map((p) => `${file}:${p.line}: ${p.field}: ${p.message}`).join('\n'));
    this.name = 'ScenarioError';
  }
}

export interface RawProblem {
  readonly path: readonly PathSegment[];
  readonly message: string;
}
