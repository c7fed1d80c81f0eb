import { assertSafeInteger } from './integers';

/** A seeded generator of uint32 values; pure state is inside the closure only. */
export interface Prng {
  /** Next uint32 in [0, 2^32). */
  nextUint32(): number;
  /** Uniform integer in [0, n) without modulo bias. */
  nextInt(n: number): number;
}

/** mulberry32: small, fast, good enough for seeded tie-breaks and simulations (not cryptographic). */
export function mulberry32(seed: number): Prng {
  assertSafeInteger(seed, 'seed');
  let a = seed >>> 0;
  const nextUint32 = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const nextInt = (n: number): number => {
    assertSafeInteger(n, 'n');
    if (n <= 0 || n > 0x1_0000_0000) throw new RangeError(`nextInt bound out of range: ${n}`);
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % n);
    for (;;) {
      const x = nextUint32();
      if (x < limit) return x % n;
    }
  };
  return { nextUint32, nextInt };
}

/** Fisher–Yates shuffle with a seeded generator; returns a new array. */
export function seededShuffle<T>(items: readonly T[], prng: Prng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = prng.nextInt(i + 1);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

/** Derive a 32-bit seed from a string (FNV-1a) so scenario names can seed PRNGs. */
export function seedFromString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
