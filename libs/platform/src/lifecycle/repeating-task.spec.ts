import { repeatEvery } from './repeating-task';

describe('repeatEvery', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const pending = () => {
    const resolvers: ((fail?: Error) => void)[] = [];
    const run = () =>
      new Promise<void>((resolve, reject) => resolvers.push((fail) => (fail ? reject(fail) : resolve())));
    return { run, resolvers };
  };

  it('never starts a run while the last one is going, and goes on after a failure', async () => {
    const { run, resolvers } = pending();
    const errors: unknown[] = [];
    const task = repeatEvery(1000, run, (e) => errors.push(e));
    jest.advanceTimersByTime(3000);
    expect(resolvers).toHaveLength(1);
    resolvers[0](new Error('down'));
    await jest.advanceTimersByTimeAsync(1000);
    expect(errors).toEqual([new Error('down')]);
    expect(resolvers).toHaveLength(2);
    resolvers[1]();
    await task.stop();
  });

  it('stop waits for the run under way, and no run starts after it', async () => {
    const { run, resolvers } = pending();
    const task = repeatEvery(1000, run, () => undefined);
    jest.advanceTimersByTime(1000);
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    resolvers[0]();
    await stopping;
    expect(stopped).toBe(true);
    jest.advanceTimersByTime(5000);
    expect(resolvers).toHaveLength(1);
  });
});
