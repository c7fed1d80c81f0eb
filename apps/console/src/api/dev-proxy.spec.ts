import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const CONSOLE = join(__dirname, '..', '..');

/** Every source file of the console, but specs. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The paths the development server forwards to the sandbox (vite.config.mts, `server.proxy`). */
function proxied(): string[] {
  const config = readFileSync(join(CONSOLE, 'vite.config.mts'), 'utf8');
  const list = /proxy: Object\.fromEntries\(\s*\[([^\]]*)\]/.exec(config)?.[1] ?? '';
  return [...list.matchAll(/'(\/[a-z-]+)'/g)].map((m) => m[1]);
}

describe('the development proxy (npx vite apps/console)', () => {
  it('forwards every API path the console calls', () => {
    const called = new Set<string>();
    for (const file of sources(join(CONSOLE, 'src')))
      for (const [, segment] of readFileSync(file, 'utf8').matchAll(/[`'](\/[a-z][a-z-]*)[/?`'$]/g))
        called.add(segment);
    called.delete('/console'); // the console's own base path
    expect(called.size).toBeGreaterThan(10);
    const forwarded = proxied();
    expect([...called].filter((p) => !forwarded.includes(p))).toEqual([]);
  });
});
