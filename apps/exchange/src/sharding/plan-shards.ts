export interface ShardView {
  /** Number of shards (queues) in the deployment. */
  shards: number;
  /** Shards this worker holds. */
  mine: readonly number[];
  /** Shards nobody holds. */
  free: readonly number[];
  /** Exchange workers alive, this one included. */
  liveWorkers: number;
}

export interface ShardPlan {
  take: number[];
  release: number[];
}

/**
 * Each worker aims at an even share, ⌈shards / workers⌉. Free shards are taken up to it; above
 * it one shard per round is given back, so a worker that started first hands shards to the
 * later ones without the whole deployment moving at once.
 */
export function planShards({ shards, mine, free, liveWorkers }: ShardView): ShardPlan {
  const share = Math.ceil(shards / Math.max(1, liveWorkers));
  if (mine.length > share) return { take: [], release: [Math.max(...mine)] };
  return { take: free.slice(0, share - mine.length), release: [] };
}
