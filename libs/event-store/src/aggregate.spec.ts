import { foldEvents } from './aggregate';
import type { StoredEvent } from './types';

const stored = (n: number): StoredEvent => ({
  globalPosition: n,
  transactionId: 1,
  streamId: 's',
  streamVersion: n,
  type: 'Added',
  data: { n },
  metadata: {},
  recordedAt: new Date(0),
});

describe('foldEvents', () => {
  it('applies evolve left to right', () => {
    const history = foldEvents<number[], { type: string; data: unknown }>(
      [],
      [stored(1), stored(2), stored(3)],
      (s, e) => [...s, e.streamVersion],
    );
    expect(history).toEqual([1, 2, 3]);
  });

  it('a split fold equals the whole fold (what snapshots rely on)', () => {
    const evolve = (s: number, e: StoredEvent): number => s * 31 + e.streamVersion;
    const all = [1, 2, 3, 4, 5].map(stored);
    for (let cut = 0; cut <= all.length; cut++) {
      expect(foldEvents(foldEvents(7, all.slice(0, cut), evolve), all.slice(cut), evolve)).toBe(
        foldEvents(7, all, evolve),
      );
    }
  });
});
