import type { PoolClient } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Wakes waiting readers early: on NOTIFY on `channel` when the server delivers it (one dedicated
 * LISTEN connection), on a local `wake()`, and otherwise on the caller's polling timeout, which is
 * the only signal PGlite behind a socket gives. A generation counter closes the race between a
 * reader finding nothing and starting to wait.
 */
export class PgWakeSignal {
  private generationCounter = 0;
  private readonly waiters = new Set<() => void>();
  private runner: QueryRunner | undefined;
  private starting: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly channel: string,
    /** false: never open a LISTEN connection (polling only, e.g. a pool of one). */
    private readonly enabled = true,
  ) {}

  get generation(): number {
    return this.generationCounter;
  }

  /** True once a LISTEN connection is up; false means polling only. */
  get listening(): boolean {
    return this.runner !== undefined;
  }

  start(): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    this.starting ??= this.startListening();
    return this.starting;
  }

  wake(): void {
    this.generationCounter++;
    for (const resolve of this.waiters) resolve();
    this.waiters.clear();
  }

  /** Resolves on the next wake after `sinceGeneration`, or after `timeoutMs`. */
  wait(sinceGeneration: number, timeoutMs: number): Promise<void> {
    if (this.generationCounter !== sinceGeneration) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }

  /** Wakes every waiter and drops the LISTEN connection; `start()` may listen again later. */
  async close(): Promise<void> {
    this.wake();
    await this.starting;
    this.starting = undefined;
    const runner = this.runner;
    this.runner = undefined;
    if (!runner) return;
    try {
      await runner.query(`UNLISTEN ${this.channel}`);
    } catch {
      // The connection may already be gone; releasing it is all that matters.
    }
    await runner.release();
  }

  private async startListening(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      client.on('notification', (message) => {
        if (message.channel === this.channel) this.wake();
      });
      client.on('error', () => {
        this.runner = undefined;
      });
      await runner.query(`LISTEN ${this.channel}`);
      this.runner = runner;
    } catch {
      // No LISTEN (an embedded server without it): readers fall back to polling.
      await runner.release().catch(() => undefined);
    }
  }
}
