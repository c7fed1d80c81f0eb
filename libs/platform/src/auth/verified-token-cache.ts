/**
 * Tokens already verified, by their text, until they expire: a verified HS256 token cannot change
 * (another payload would need another signature), so verifying it again on every request only
 * repeats the HMAC and the JSON parsing. Bounded: past `maxEntries` the least recently used goes.
 * Only verified tokens are kept (a bad one is checked in full each time), each for the secret it
 * was verified with, and a hit is refused once `exp` is reached, as the verifier would.
 */
export class VerifiedTokenCache<T> {
  private readonly entries = new Map<string, { secret: string; value: T; expSeconds: number }>();

  constructor(readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 0)
      throw new RangeError('maxEntries must be a whole number');
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value stored for a token verified with `secret`, while `nowMs` is before its `exp`. */
  get(token: string, secret: string, nowMs: number): T | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    if (Math.floor(nowMs / 1000) >= entry.expSeconds) {
      this.entries.delete(token);
      return undefined;
    }
    if (entry.secret !== secret) return undefined;
    // Most recently used last: the Map keeps insertion order, the first entry is the one to evict.
    this.entries.delete(token);
    this.entries.set(token, entry);
    return entry.value;
  }

  /** Keeps a token just verified with `secret`, valid until `expSeconds` (its `exp` claim). */
  set(token: string, secret: string, value: T, expSeconds: number): void {
    if (this.maxEntries === 0) return;
    this.entries.delete(token);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    this.entries.set(token, { secret, value, expSeconds });
  }

  clear(): void {
    this.entries.clear();
  }
}
