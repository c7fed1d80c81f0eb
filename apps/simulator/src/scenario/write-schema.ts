import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from './schema';

/** Writes the JSON Schema of scenario files to `path` (CLI: `simulate schema --out FILE`). */
export function writeScenarioSchema(path: string): void {
  writeFileSync(path, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
}
