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

describe('texts with amounts', () => {
  it('show fen as yuan in the format of the language', async () => {
    const { i18next } = await import('./index');
    expect(i18next.t('errors.notEnoughCash', { available: 499_637_638, lng: 'en' })).toBe(
      'Not enough cash (CNY 4,996,376.38 available)',
    );
    expect(i18next.t('errors.outsideBand', { low: 3240, high: 3960, lng: 'zh' })).toBe(
      '价格须在 32.40 至 39.60 元之间',
    );
    expect(i18next.t('errors.offLot', { lot: 1000, lng: 'zh' })).toBe('数量须为 1,000 的整数倍');
  });
});
