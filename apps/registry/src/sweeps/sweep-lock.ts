import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, isEmbedded, type AppConfig } from '@app/platform';

/** Any fixed number of its own: every registry process's sweeps take the same lock. */
export const SWEEP_LOCK_KEY = 7_421_306;

/** Runs work only while no other registry process is sweeping; `undefined` when another one is. */
export interface SweepLock {
  whileHeld<T>(work: () => Promise<T>): Promise<T | undefined>;
}

export const SWEEP_LOCK = Symbol('SWEEP_LOCK');

/**
 * A PostgreSQL session advisory lock on a connection of its own, tried (never waited for): a process
 * that finds it taken skips this round, since the holder is doing the same work. Released after the
 * work, or by the server when the holder's connection dies with its process. The embedded database
 * has one process and one connection (holding it would starve the sweep itself): no lock there.
 */
@Injectable()
export class PgSweepLock implements SweepLock {
  private readonly embedded: boolean;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.embedded = isEmbedded(config);
  }

  async whileHeld<T>(work: () => Promise<T>): Promise<T | undefined> {
    if (this.embedded) return work();
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const [row] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [SWEEP_LOCK_KEY])) as {
        locked: boolean;
      }[];
      if (!row?.locked) return undefined;
      try {
        return await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [SWEEP_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }
}
