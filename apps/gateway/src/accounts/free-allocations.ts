import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { EventStore } from '@app/event-store';
import { repeatEvery, type InstrumentDefinition, type RepeatingTask } from '@app/platform';
import { FreeAllocationTally, type RegistryEventRow } from './free-allocation-tally';

/** How often the registries' streams are read again for new allocations. */
const REFRESH_MS = 1_000;
/** The registries this system keeps, by their streams (`registry-<jurisdiction>`). */
const REGISTRIES = ['CQ', 'SC'] as const;

/** What order entry asks: the units a member received free of an instrument. */
export interface FreeAllocationSource {
  freeAllocationOf(member: string, instrument: InstrumentDefinition): number;
}

/**
 * The members' free allocations, read from the registries' event streams (the member id is its
 * holding account there) at start and every second after: an allocation reaches the sell limit
 * within a second of being recorded.
 */
@Injectable()
export class FreeAllocations
  implements FreeAllocationSource, OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(FreeAllocations.name);
  private readonly tallies = REGISTRIES.map((j) => ({
    stream: `registry-${j}`,
    version: 0,
    tally: new FreeAllocationTally(j),
  }));
  private ticking?: RepeatingTask;

  constructor(private readonly store: EventStore) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.ticking = repeatEvery(
      REFRESH_MS,
      () => this.refresh(),
      (error) => this.logger.warn(`free allocations refresh failed: ${String(error)}`),
    );
  }

  /** Stops ticking and lets a tick under way finish before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.ticking?.stop();
  }

  /** Reads the registry events recorded since the last call. */
  async refresh(): Promise<void> {
    for (const registry of this.tallies) {
      const events = await this.store.readStream(registry.stream, { fromVersion: registry.version + 1 });
      for (const event of events) {
        registry.tally.apply({ type: event.type, data: event.data as RegistryEventRow['data'] });
        registry.version = event.streamVersion;
      }
    }
  }

  freeAllocationOf(member: string, instrument: InstrumentDefinition): number {
    const units = {
      jurisdiction: instrument.jurisdiction,
      kind: instrument.kind,
      vintage: instrument.vintage,
    };
    return this.tallies.reduce((sum, r) => sum + r.tally.freeAllocationOf(member, units), 0);
  }
}
