import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EventStore, WrongExpectedVersionError, type StoredEvent } from '@app/event-store';
import { Outbox } from '@app/messaging';
import {
  applyRecognitionEvent,
  evolveRecognitionRules,
  initialRecognitionRulesState,
  initialRecognitionState,
  nextSagaStep,
  type RecognitionEvent,
  type RecognitionRulesEvent,
  type RecognitionRulesState,
  type RecognitionState,
} from '@app/recognition';
import { stepMessage } from './saga/recognition-steps';

/** Every recognition saga in one stream: serial claims and quotas are checked against one version. */
export const RECOGNITION_SAGAS_STREAM = 'recognition-sagas';
/** The two-key recognition agreements (proposals, approvals, adoptions). */
export const RECOGNITION_RULES_STREAM = 'recognition-rules';

export interface LoadedSagas {
  readonly version: number;
  readonly state: RecognitionState;
  readonly events: readonly StoredEvent[];
}

export interface LoadedRules {
  readonly version: number;
  readonly state: RecognitionRulesState;
  readonly events: readonly StoredEvent[];
}

/** Metadata of a recognition event: who and which command caused it. */
export interface RecognitionMetadata {
  readonly commandId: string;
  readonly actor: string;
  /** Injected-clock time of the step (epoch ms): the provenance shows when each step happened. */
  readonly at: number;
}

/**
 * The recognition streams over the event store. Appends take the caller's transaction (`manager`), so a
 * saga event commits with the registry command that caused it and with the outbox message of the next
 * step, or none of them does.
 */
@Injectable()
export class RecognitionStore {
  constructor(
    readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Runs `work` in one transaction, and again from the start when another writer appended to a stream it
   * read first (the append's expected version was stale, so nothing was written), up to 25 times.
   */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || attempt >= 25) throw error;
      }
    }
  }

  async loadSagas(manager?: EntityManager): Promise<LoadedSagas> {
    const events = await this.store.readStream(RECOGNITION_SAGAS_STREAM, { manager });
    const state = events.reduce(
      (s, e) => applyRecognitionEvent(s, e.data as RecognitionEvent).state,
      initialRecognitionState,
    );
    return { version: events.at(-1)?.streamVersion ?? 0, state, events };
  }

  async loadRules(manager?: EntityManager): Promise<LoadedRules> {
    const events = await this.store.readStream(RECOGNITION_RULES_STREAM, { manager });
    const state = events.reduce(
      (s, e) => evolveRecognitionRules(s, e.data as RecognitionRulesEvent),
      initialRecognitionRulesState,
    );
    return { version: events.at(-1)?.streamVersion ?? 0, state, events };
  }

  /**
   * Applies saga events to the state read in this transaction (refusing out-of-order, conflicting or
   * overlapping ones: nothing is written then), appends the new ones and queues each touched saga's next
   * step. Returns the state after them; duplicates are skipped.
   */
  async recordSagaEvents(
    manager: EntityManager,
    events: readonly RecognitionEvent[],
    metadata: RecognitionMetadata,
  ): Promise<RecognitionState> {
    const loaded = await this.loadSagas(manager);
    let state = loaded.state;
    const fresh: RecognitionEvent[] = [];
    for (const event of events) {
      const applied = applyRecognitionEvent(state, event);
      if (applied.duplicate) continue;
      state = applied.state;
      fresh.push(event);
    }
    if (fresh.length === 0) return state;
    await this.store.append(
      RECOGNITION_SAGAS_STREAM,
      loaded.version,
      fresh.map((e) => ({ type: e.type, data: e, metadata: { ...metadata } })),
      { manager },
    );
    const touched = [...new Set(fresh.map((e) => e.requestId))];
    const messages = touched.flatMap((id) => {
      const saga = state.sagas[id];
      const step = saga && nextSagaStep(saga);
      return step ? [stepMessage(id, step)] : [];
    });
    await this.outbox.enqueue(manager, messages);
    return state;
  }

  async appendRules(
    manager: EntityManager,
    expectedVersion: number,
    events: readonly RecognitionRulesEvent[],
    metadata: Omit<RecognitionMetadata, 'at'>,
  ): Promise<void> {
    await this.store.append(
      RECOGNITION_RULES_STREAM,
      expectedVersion,
      events.map((e) => ({ type: e.type, data: e, metadata: { ...metadata } })),
      { manager },
    );
  }
}
