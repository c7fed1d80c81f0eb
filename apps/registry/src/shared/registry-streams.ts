import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@app/domain';
import { EventStore, WrongExpectedVersionError, type NewEvent } from '@app/event-store';
import type { LedgerCommand, LedgerEvent } from '@app/ledger';
import { decideRegistry, type PlannedWork } from './decide-registry';
import type { RecordEvent } from './registry-records';
import { REGISTRY_ERRORS, RegistryError } from './registry-errors';
import { registryStreamId, type RegistryJurisdiction } from './registry-jurisdiction';
import { fromSnapshot, toSnapshot, type RegistrySnapshot } from './registry-snapshot';
import { EMPTY_REGISTRY, foldStored, type LoadedRegistry } from './registry-state';
import { assertPrincipalMayAppend } from './registry-access';
import { principalActingAs } from './request-principal';

export interface RegistryCommandContext {
  readonly jurisdiction: RegistryJurisdiction;
  readonly commandId: string;
  readonly actor: string;
  /** Recorded in every appended event's metadata (e.g. the exchange member a custody move is for). */
  readonly memo?: string;
  /** Runs in the append's transaction when the command is new (not a retry): e.g. outbox messages. */
  readonly inTransaction?: (manager: EntityManager, events: readonly LedgerEvent[]) => Promise<void>;
  /**
   * The principal the command acts for when that is not the request in progress: a saga step done
   * in the name of the holder who asked for it (recorded in the saga's first event). Its events are
   * checked against it as a request's are.
   */
  readonly actingFor?: Principal;
}

export interface RegistryOutcome {
  /** Stream version after the command (unchanged on a retry). */
  readonly version: number;
  /** The events the command produced: new ones, or on a retry the ones it produced the first time. */
  readonly events: readonly LedgerEvent[];
  /** Registry records (auction results, reports, compliance runs) the command produced. */
  readonly records: readonly RecordEvent[];
  readonly replayed: boolean;
  readonly registry: LoadedRegistry;
}

/** Plans ledger commands from the current state; pure, may throw a DomainError. */
export type CommandPlan = (registry: LoadedRegistry) => readonly LedgerCommand[] | PlannedWork;

const MAX_ATTEMPTS = 25;

/** DI token of the {@link RegistryPort} the use cases depend on. */
export const REGISTRY_PORT = Symbol('REGISTRY_PORT');

/** What the use cases need from the registry streams (an in-memory twin implements it for specs). */
export interface RegistryPort {
  load(jurisdiction: RegistryJurisdiction): Promise<LoadedRegistry>;
  execute(context: RegistryCommandContext, plan: CommandPlan): Promise<RegistryOutcome>;
}

/**
 * Load → decide → append for the registry streams. The state is cached per stream with its
 * version (a cold process starts from the newest snapshot, saved every `snapshotEvery` events);
 * each command reads the tail after the cached version and appends with that version as the
 * expected one, in one transaction. Another writer (another process) in between makes the
 * append fail with WRONG_EXPECTED_VERSION: nothing was written, so we reload and decide again.
 * Within this process, commands on one stream queue behind each other to avoid needless retries.
 */
@Injectable()
export class RegistryStreams implements RegistryPort {
  private readonly cache = new Map<string, LoadedRegistry>();
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly snapshotVersions = new Map<string, number>();
  /** Appends refused for a stale expected version (another writer won), then decided again. */
  conflicts = 0;
  /** Save a snapshot once the stream has grown by this many events since the last one. */
  snapshotEvery = 1000;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
  ) {}

  /** The registry as committed now (tail read outside any transaction). */
  async load(jurisdiction: RegistryJurisdiction, manager?: EntityManager): Promise<LoadedRegistry> {
    const streamId = registryStreamId(jurisdiction);
    const cached = this.cache.get(streamId) ?? (await this.fromSnapshot(streamId, manager));
    const tail = await this.store.readStream(streamId, { fromVersion: cached.version + 1, manager });
    const loaded = foldStored(cached, tail);
    this.remember(streamId, loaded);
    return loaded;
  }

  execute(context: RegistryCommandContext, plan: CommandPlan): Promise<RegistryOutcome> {
    const streamId = registryStreamId(context.jurisdiction);
    const previous = this.tails.get(streamId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.executeWithRetry(context, plan));
    const tail = run.catch(() => undefined);
    this.tails.set(streamId, tail);
    void tail.then(() => {
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    });
    return run;
  }

  private async executeWithRetry(
    context: RegistryCommandContext,
    plan: CommandPlan,
  ): Promise<RegistryOutcome> {
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.dataSource.transaction((manager) => this.attempt(manager, context, plan));
        // Cached only once committed: a rolled-back append must never be seen as state.
        this.remember(registryStreamId(context.jurisdiction), outcome.registry);
        await this.maybeSnapshot(registryStreamId(context.jurisdiction), outcome.registry);
        return outcome;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        this.conflicts++;
        if (attempt >= MAX_ATTEMPTS)
          throw new RegistryError(
            REGISTRY_ERRORS.WRITE_CONFLICT,
            `registry ${context.jurisdiction} is busy; retry`,
          );
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 5 * attempt)));
      }
    }
  }

  private async attempt(
    manager: EntityManager,
    context: RegistryCommandContext,
    plan: CommandPlan,
  ): Promise<RegistryOutcome> {
    const streamId = registryStreamId(context.jurisdiction);
    const loaded = await this.load(context.jurisdiction, manager);
    const decision = decideRegistry(loaded, context, plan);
    const principal = context.actingFor ?? principalActingAs(context.actor);
    if (principal) assertPrincipalMayAppend(principal, context.jurisdiction, decision.own);
    if (decision.replayed)
      return {
        version: loaded.version,
        events: decision.own,
        records: decision.records,
        replayed: true,
        registry: loaded,
      };
    const toAppend: NewEvent[] = decision.toAppend.map((e) => ({
      type: e.type,
      data: e,
      metadata: {
        commandId: context.commandId,
        actor: context.actor,
        causationId: e.commandId,
        ...(context.memo !== undefined ? { memo: context.memo } : {}),
      },
    }));
    const { nextVersion } = await this.store.append(streamId, loaded.version, toAppend, { manager });
    await context.inTransaction?.(manager, decision.own);
    return {
      version: nextVersion,
      events: decision.own,
      records: decision.records,
      replayed: false,
      registry: { version: nextVersion, ledger: decision.ledger, records: decision.registryRecords },
    };
  }

  /** A cold start: the newest snapshot if there is one (only its tail is read then), else nothing. */
  private async fromSnapshot(streamId: string, manager: EntityManager | undefined): Promise<LoadedRegistry> {
    const snapshot = await this.store.loadSnapshot<RegistrySnapshot>(streamId, { manager });
    const loaded = snapshot ? fromSnapshot(snapshot.version, snapshot.state) : undefined;
    if (!loaded) return EMPTY_REGISTRY;
    this.snapshotVersions.set(streamId, loaded.version);
    return loaded;
  }

  /** After the commit, outside the command's transaction: a lost snapshot only costs a longer replay. */
  private async maybeSnapshot(streamId: string, loaded: LoadedRegistry): Promise<void> {
    if (loaded.version - (this.snapshotVersions.get(streamId) ?? 0) < this.snapshotEvery) return;
    this.snapshotVersions.set(streamId, loaded.version);
    try {
      await this.store.saveSnapshot(streamId, loaded.version, toSnapshot(loaded));
    } catch {
      this.snapshotVersions.delete(streamId);
    }
  }

  /** Keep the newest state only; states are immutable, so sharing them is safe. */
  remember(streamId: string, loaded: LoadedRegistry): void {
    const current = this.cache.get(streamId);
    if (!current || current.version < loaded.version) this.cache.set(streamId, loaded);
  }
}
