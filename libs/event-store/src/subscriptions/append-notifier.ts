import type { PoolClient } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import { EVENT_STORE_CHANNEL } from '../schema/event-store-schema.migration';

/**
 * Wakes readers when events may have been committed: on NOTIFY from PostgreSQL (one dedicated
 * LISTEN connection), on local autocommit appends, and otherwise on a polling timeout, which is
 * the only signal PGlite behind a socket gives. A generation counter closes the race between a
 * reader finding nothing and starting to wait.
 */
export class AppendNotifier {
  private generationCounter = 0;
  private readonly waiters = new Set<() => void>();
  private runner: QueryRunner | undefined;
  private starting: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly listen: boolean,
  ) {}

  get generation(): number {
    return this.generationCounter;
  }

  /** True once a LISTEN connection is up; false means polling only. */
  get listening(): boolean {
    return this.runner !== undefined;
  }

  start(): Promise<void> {
    if (!this.listen || this.closed) return Promise.resolve();
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

  async close(): Promise<void> {
    this.closed = true;
    this.wake();
    await this.starting;
    const runner = this.runner;
    this.runner = undefined;
    if (!runner) return;
    try {
      await runner.query(`UNLISTEN ${EVENT_STORE_CHANNEL}`);
    } catch {
      // The connection may already be gone; releasing it is all that matters.
    }
    await runner.release();
  }

  private async startListening(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const client: PoolClient = await runner.connect();
      client.on('notification', (message) => {
        if (message.channel === EVENT_STORE_CHANNEL) this.wake();
      });
      client.on('error', () => {
        this.runner = undefined;
      });
      await runner.query(`LISTEN ${EVENT_STORE_CHANNEL}`);
      this.runner = runner;
    } catch {
      // No LISTEN (e.g. an embedded server without it): readers fall back to polling.
      await runner.release().catch(() => undefined);
    }
  }
}
