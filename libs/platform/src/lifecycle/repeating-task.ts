/** A task run every so often until stopped; see {@link repeatEvery}. */
export interface RepeatingTask {
  /** No run starts after this; resolves once the run under way (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `run` every `intervalMs` (the timer does not keep the process alive). A run never starts
 * while the previous one is still going, a failure goes to `onError` and the next run comes as
 * usual, and `stop()` waits for the run under way. Call `stop()` from a service's
 * `beforeApplicationShutdown`, so no run is left using the database after it closes.
 */
export function repeatEvery(
  intervalMs: number,
  run: () => Promise<unknown>,
  onError: (error: unknown) => void,
): RepeatingTask {
  let current: Promise<void> | undefined;
  const timer = setInterval(() => {
    current ??= run()
      .then(
        () => undefined,
        (error: unknown) => onError(error),
      )
      .finally(() => (current = undefined));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
}
