import { emptyMap, mapDelete, mapEntries, mapGet, mapSet, type PersistentMap } from './persistent-map';

interface Entry<V> {
  readonly value: V;
  /** Insertion order: an updated key keeps its place, a new one goes last, as in a plain object. */
  readonly seq: number;
}

interface Store<V> {
  readonly map: PersistentMap<Entry<V>>;
  readonly nextSeq: number;
}

const STORE = Symbol('persistent record store');

function storeOf<V>(record: Readonly<Record<string, V>>): Store<V> {
  const own = (record as unknown as Record<symbol, Store<V> | undefined>)[STORE];
  if (own) return own;
  let map = emptyMap<Entry<V>>();
  let seq = 0;
  for (const [key, value] of Object.entries(record)) map = mapSet(map, key, { value, seq: seq++ });
  return { map, nextSeq: seq };
}

/** An array index ("0", "42"; not "042" or "-1"): a plain object lists these first, ascending. */
const arrayIndex = (key: string): number | undefined => {
  if (!/^(?:0|[1-9]\d{0,9})$/.test(key)) return undefined;
  const n = Number(key);
  return n < 4_294_967_295 ? n : undefined;
};

/** The order of a plain object's own keys: array indexes ascending, then the rest as inserted. */
function plainObjectOrder<V>(entries: Iterable<readonly [string, Entry<V>]>): string[] {
  const indexed: [number, string][] = [];
  const named: (readonly [string, Entry<V>])[] = [];
  for (const [key, entry] of entries) {
    const index = arrayIndex(key);
    if (index === undefined) named.push([key, entry]);
    else indexed.push([index, key]);
  }
  indexed.sort((a, b) => a[0] - b[0]);
  named.sort((a, b) => a[1].seq - b[1].seq);
  return [...indexed.map(([, key]) => key), ...named.map(([key]) => key)];
}

const readOnly = (): never => {
  throw new TypeError('a persistent record cannot be changed in place: use withEntries');
};

/**
 * A read-only record over an immutable hash map: read as a plain object (`r[key]`, `key in r`,
 * `Object.keys/values/entries`, spread, JSON) in a plain object's key order, but `withEntries` makes the next
 * version in O(log n) instead of copying every key. For decider state keyed by ids that grows for
 * ever (a registry's accounts and holdings): copying it on every event made replays quadratic.
 */
function view<V>(store: Store<V>): Readonly<Record<string, V>> {
  const entry = (key: string | symbol) => (typeof key === 'string' ? mapGet(store.map, key) : undefined);
  // A version never changes: its keys are put in order once, when first listed.
  let keys: string[] | undefined;
  return new Proxy({} as Record<string, V>, {
    get: (_target, key) => (key === STORE ? store : entry(key)?.value),
    has: (_target, key) => entry(key) !== undefined,
    ownKeys: () => (keys ??= plainObjectOrder(mapEntries(store.map))),
    getOwnPropertyDescriptor: (_target, key) => {
      const found = entry(key);
      return found && { value: found.value, writable: false, enumerable: true, configurable: true };
    },
    set: readOnly,
    deleteProperty: readOnly,
    defineProperty: readOnly,
  });
}

/**
 * The record with `changes` set and `removed` taken out, leaving `record` as it was. A plain object
 * (a fresh state, one read from a snapshot) is taken over once, in O(n); later versions cost O(log n).
 */
export function withEntries<V>(
  record: Readonly<Record<string, V>>,
  changes: Readonly<Record<string, V>>,
  removed: readonly string[] = [],
): Readonly<Record<string, V>> {
  let { map, nextSeq } = storeOf(record);
  for (const [key, value] of Object.entries(changes)) {
    const seq = mapGet(map, key)?.seq ?? nextSeq++;
    map = mapSet(map, key, { value, seq });
  }
  for (const key of removed) map = mapDelete(map, key);
  return view({ map, nextSeq });
}
