import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { fieldName, lineOf, type PathSegment, parseSource } from './locate';
import { checkRules } from './check-rules';
import { expandScenario } from './expand';
import type { Scenario } from './model';
import { type ScenarioFile, scenarioSchema } from './schema';
import { type RawProblem, ScenarioError } from './scenario-error';

/** Parses and validates scenario text (YAML or JSON); throws ScenarioError naming file, line, field. */
export function parseScenarioText(text: string, file: string): ScenarioFile {
  const source = parseSource(text);
  if (source.doc.errors.length > 0) {
    throw new ScenarioError(
      file,
      source.doc.errors.map((e) => ({
        line: e.linePos?.[0]?.line ?? source.lines.linePos(e.pos[0]).line,
        field: '(syntax)',
        message: e.message.split('\n')[0] ?? e.code,
      })),
    );
  }
  const raw: unknown = source.doc.toJS({ maxAliasCount: 100 });
  return validateRaw(raw, file, (path) => lineOf(source, path));
}

/** Validates an already parsed object; `lineFor` maps a field path to a line of `file`. */
export function validateRaw(
  raw: unknown,
  file: string,
  lineFor: (path: readonly PathSegment[]) => number,
): ScenarioFile {
  const parsed = scenarioSchema.safeParse(raw);
  const problems: RawProblem[] = parsed.success
    ? checkRules(parsed.data)
    : parsed.error.issues.flatMap(issueProblems);
  if (problems.length > 0) {
    throw new ScenarioError(
      file,
      problems.map((p) => ({ line: lineFor(p.path), field: fieldName(p.path), message: p.message })),
    );
  }
  return (parsed as { data: ScenarioFile }).data;
}

/** Reads a scenario file as a raw object (after checking its syntax) for overrides. */
export function readRaw(file: string): { raw: unknown; lineFor: (path: readonly PathSegment[]) => number } {
  return readRawText(readScenarioText(file), file);
}

function readRawText(
  text: string,
  file: string,
): { raw: unknown; lineFor: (path: readonly PathSegment[]) => number } {
  const source = parseSource(text);
  parseScenarioText(text, file);
  return { raw: source.doc.toJS({ maxAliasCount: 100 }), lineFor: (path) => lineOf(source, path) };
}

function issueProblems(issue: z.core.$ZodIssue): RawProblem[] {
  const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => ({ path: [...path, k], message: `unknown field "${k}"` }));
  }
  return [{ path, message: issue.message }];
}

export function loadScenarioText(text: string, file: string): Scenario {
  return expandScenario(parseScenarioText(text, file));
}

export function readScenarioText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new ScenarioError(file, [{ line: 0, field: '(file)', message: (e as Error).message }]);
  }
}

export function loadScenario(file: string): Scenario {
  return loadScenarioText(readScenarioText(file), file);
}

/** Loads a file with `--set path=value` overrides applied, validated like the file itself. */
export function loadScenarioWith(file: string, apply: (raw: unknown) => unknown): Scenario {
  return loadScenarioTextWith(readScenarioText(file), file, apply);
}

/** Like `loadScenarioWith`, from text already read (sweep workers receive the file's text). */
export function loadScenarioTextWith(text: string, file: string, apply: (raw: unknown) => unknown): Scenario {
  const { raw, lineFor } = readRawText(text, file);
  return expandScenario(validateRaw(apply(raw), `${file} (with --set)`, lineFor));
}
