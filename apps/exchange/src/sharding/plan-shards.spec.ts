import { planShards } from './plan-shards';

describe('planShards', () => {
  it('a lone worker takes every free shard', () => {
    expect(planShards({ shards: 4, mine: [], free: [0, 1, 2, 3], liveWorkers: 1 })).toEqual({
      take: [0, 1, 2, 3],
      release: [],
    });
  });

  it('with two workers, a worker holding nothing takes free shards up to half', () => {
    expect(planShards({ shards: 4, mine: [], free: [1, 2, 3], liveWorkers: 2 })).toEqual({
      take: [1, 2],
      release: [],
    });
  });

  it('a worker above its share gives back its highest shard, one per round', () => {
    expect(planShards({ shards: 4, mine: [0, 1, 2, 3], free: [], liveWorkers: 2 })).toEqual({
      take: [],
      release: [3],
    });
  });

  it('when a worker dies, a survivor takes the shards it left', () => {
    expect(planShards({ shards: 4, mine: [0, 1], free: [2, 3], liveWorkers: 1 })).toEqual({
      take: [2, 3],
      release: [],
    });
  });

  it('a worker at its share does nothing', () => {
    expect(planShards({ shards: 5, mine: [0, 1, 2], free: [], liveWorkers: 2 })).toEqual({
      take: [],
      release: [],
    });
  });
});
