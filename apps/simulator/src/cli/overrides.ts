import { parseDocument } from 'yaml';

/**
 * Applies `--set path=value` overrides to the raw scenario object (before validation, so the same
 * rules apply). Paths are dotted (`market.priceLimitBp`, `jurisdictions.0.cap.2025`); values are
 * parsed as YAML scalars (numbers stay numbers).
 */
export function applyOverrides(raw: unknown, sets: readonly string[]): unknown {
  const root = structuredClone(raw) as Record<string, unknown>;
  for (const set of sets) {
    const eq = set.indexOf('=');
    if (eq <= 0) throw new Error(`--set needs path=value, got "${set}"`);
    const path = set.slice(0, eq).split('.');
    const value: unknown = parseDocument(set.slice(eq + 1)).toJS();
    let node = root as Record<string, unknown>;
    for (const key of path.slice(0, -1)) {
      const next = node[key];
      if (typeof next !== 'object' || next === null) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[path[path.length - 1] as string] = value;
  }
  return root;
}
