import type { DataSource } from 'typeorm';
import { EVENT_STORE_ERRORS, EventStoreError } from '../errors';
import type { EventStore } from '../event-store';
import { checkpointOf } from '../sql/rows';
import { START, type Checkpoint } from '../types';
import { lockCheckpoint, readCheckpoint, saveCheckpoint } from './checkpoint-store';
import type { Projection } from './projection';

export interface ProjectionRunnerOptions {
  batchSize?: number;
  /** Fallback wake-up when no append notification arrives. Default 250 ms. */
  pollIntervalMs?: number;
  /** Called when a live loop's batch fails; the loop retries after the poll interval. */
  onError?: (projection: string, error: unknown) => void;
}

/**
 * Applies the log to projections. Each batch is one transaction: lock the checkpoint row, read
 * the next commit-safe page, let the projection write its rows, advance the checkpoint. Two
 * runners on the same projection serialise on the row lock instead of applying a batch twice.
 */
export class ProjectionRunner {
  private readonly projections = new Map<string, Projection>();
  private readonly loops: Promise<void>[] = [];
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    for (const p of projections) this.projections.set(p.name, p);
  }

  /** Applies at most one batch; returns how many events it applied. */
  async runBatch(name: string): Promise<number> {
    const projection = this.get(name);
    const batchSize = this.options.batchSize ?? 500;
    return this.dataSource.transaction(async (manager) => {
      const from = await lockCheckpoint(manager, name);
      const events = await this.store.readAllBatch(from, batchSize, manager);
      if (events.length === 0) return 0;
      await projection.handle(events, manager);
      await saveCheckpoint(manager, name, checkpointOf(events[events.length - 1]));
      return events.length;
    });
  }

  /** Applies batches until nothing committed is left; returns the number of events applied. */
  async catchUp(name?: string): Promise<number> {
    const names = name === undefined ? [...this.projections.keys()] : [name];
    let total = 0;
    for (const n of names) {
      for (let applied = await this.runBatch(n); applied > 0; applied = await this.runBatch(n))
        total += applied;
    }
    return total;
  }

  /** Empties the read model, resets its checkpoint to the start and replays the whole log. */
  async rebuild(name: string): Promise<number> {
    const projection = this.get(name);
    await this.dataSource.transaction(async (manager) => {
      await lockCheckpoint(manager, name);
      await projection.reset?.(manager);
      await saveCheckpoint(manager, name, START);
    });
    return this.catchUp(name);
  }

  async checkpoint(name: string): Promise<Checkpoint> {
    return (await readCheckpoint(this.dataSource.manager, name)) ?? START;
  }

  /** Keeps every projection caught up until {@link stop}. */
  start(): void {
    if (this.running) return;
    this.running = true;
    for (const name of this.projections.keys()) this.loops.push(this.loop(name));
  }

  async stop(): Promise<void> {
    this.running = false;
    this.store.wakeWaiters();
    await Promise.all(this.loops.splice(0));
  }

  private async loop(name: string): Promise<void> {
    const pollIntervalMs = this.options.pollIntervalMs ?? 250;
    while (this.running) {
      const generation = this.store.appendGeneration;
      try {
        if ((await this.runBatch(name)) > 0) continue;
      } catch (error) {
        this.options.onError?.(name, error);
      }
      if (this.running) await this.store.waitForAppend(generation, pollIntervalMs);
    }
  }

  private get(name: string): Projection {
    const projection = this.projections.get(name);
    if (!projection)
      throw new EventStoreError(EVENT_STORE_ERRORS.UNKNOWN_PROJECTION, `no projection named ${name}`, {
        name,
      });
    return projection;
  }
}
