import { en } from './en';
import { zh } from './zh';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a dictionary as "a.b.c" → text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((m) => m[1]).sort();

describe('the Chinese and English dictionaries', () => {
  const zhLeaves = leaves(zh as Tree);
  const enLeaves = leaves(en as Tree);

  it('have the same keys', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...zhLeaves.keys()].sort());
  });

  it('translate every key (no empty text)', () => {
    const empty = [...zhLeaves, ...enLeaves].filter(([, text]) => text.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('use the same {{placeholders}} in both languages', () => {
    const mismatched = [...zhLeaves]
      .filter(([key, text]) => placeholders(text).join() !== placeholders(enLeaves.get(key) ?? '').join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});
