import { seedFromString } from './prng';

/**
 * A small immutable hash map (hash array mapped trie, 32-way, path copying) for decider state
 * that grows for ever, such as processed command ids: `set` costs O(log₃₂ n), not a full copy.
 */
interface Leaf<V> {
  readonly kind: 'leaf';
  readonly hash: number;
  readonly pairs: readonly (readonly [string, V])[];
}
interface Branch<V> {
  readonly kind: 'branch';
  readonly children: readonly (Leaf<V> | Branch<V> | undefined)[];
}
export interface PersistentMap<V> {
  readonly root: Branch<V>;
  readonly size: number;
}

const EMPTY_BRANCH: Branch<never> = { kind: 'branch', children: [] };

export function emptyMap<V>(): PersistentMap<V> {
  return { root: EMPTY_BRANCH, size: 0 };
}

const slot = (hash: number, shift: number): number => (hash >>> shift) & 31;

export function mapGet<V>(map: PersistentMap<V>, key: string): V | undefined {
  const h = seedFromString(key);
  let node: Branch<V> = map.root;
  for (let shift = 0; ; shift += 5) {
    const e = node.children[slot(h, shift)];
    if (!e) return undefined;
    if (e.kind === 'leaf') return e.hash === h ? e.pairs.find(([k]) => k === key)?.[1] : undefined;
    node = e;
  }
}

export function mapHas<V>(map: PersistentMap<V>, key: string): boolean {
  return mapGet(map, key) !== undefined;
}

function withChild<V>(node: Branch<V>, idx: number, child: Leaf<V> | Branch<V> | undefined): Branch<V> {
  const children = node.children.slice();
  children[idx] = child;
  return { kind: 'branch', children };
}

function join<V>(a: Leaf<V>, b: Leaf<V>, shift: number): Branch<V> {
  const ia = slot(a.hash, shift);
  const ib = slot(b.hash, shift);
  if (ia === ib) return withChild(EMPTY_BRANCH as Branch<V>, ia, join(a, b, shift + 5));
  return withChild(withChild(EMPTY_BRANCH as Branch<V>, ia, a), ib, b);
}

function setIn<V>(
  node: Branch<V>,
  shift: number,
  h: number,
  key: string,
  value: V,
): { node: Branch<V>; added: boolean } {
  const idx = slot(h, shift);
  const e = node.children[idx];
  if (!e)
    return { node: withChild(node, idx, { kind: 'leaf', hash: h, pairs: [[key, value]] }), added: true };
  if (e.kind === 'branch') {
    const r = setIn(e, shift + 5, h, key, value);
    return { node: withChild(node, idx, r.node), added: r.added };
  }
  if (e.hash === h) {
    const i = e.pairs.findIndex(([k]) => k === key);
    const pairs =
      i < 0
        ? [...e.pairs, [key, value] as const]
        : e.pairs.map((p, j) => (j === i ? ([key, value] as const) : p));
    return { node: withChild(node, idx, { kind: 'leaf', hash: h, pairs }), added: i < 0 };
  }
  return {
    node: withChild(node, idx, join(e, { kind: 'leaf', hash: h, pairs: [[key, value]] }, shift + 5)),
    added: true,
  };
}

export function mapSet<V>(map: PersistentMap<V>, key: string, value: V): PersistentMap<V> {
  const r = setIn(map.root, 0, seedFromString(key), key, value);
  return { root: r.node, size: map.size + (r.added ? 1 : 0) };
}

/** The branch without `key`, or undefined when it does not hold it. */
function deleteIn<V>(node: Branch<V>, shift: number, h: number, key: string): Branch<V> | undefined {
  const idx = slot(h, shift);
  const e = node.children[idx];
  if (!e) return undefined;
  if (e.kind === 'branch') {
    const child = deleteIn(e, shift + 5, h, key);
    return child && withChild(node, idx, child);
  }
  if (e.hash !== h || !e.pairs.some(([k]) => k === key)) return undefined;
  const pairs = e.pairs.filter(([k]) => k !== key);
  return withChild(node, idx, pairs.length > 0 ? { kind: 'leaf', hash: h, pairs } : undefined);
}

export function mapDelete<V>(map: PersistentMap<V>, key: string): PersistentMap<V> {
  const root = deleteIn(map.root, 0, seedFromString(key), key);
  return root ? { root, size: map.size - 1 } : map;
}

/** Every entry, in hash order (not insertion order). */
export function* mapEntries<V>(map: PersistentMap<V>): Generator<readonly [string, V]> {
  const stack: Branch<V>[] = [map.root];
  while (stack.length > 0) {
    for (const e of stack.pop()!.children) {
      if (!e) continue;
      if (e.kind === 'branch') stack.push(e);
      else yield* e.pairs;
    }
  }
}
