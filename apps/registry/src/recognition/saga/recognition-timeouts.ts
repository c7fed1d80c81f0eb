import { Inject, Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { isTimedOut, openSagas, type RecognitionRulesState, type SagaState } from '@app/recognition';
import { RECOGNITION_CLOCK, type Clock } from '../recognition-clock';
import { RecognitionStore } from '../recognition-store';
import { RecognitionTimedOut } from './recognition-saga.commands';

/** True when the saga, not past its pivot, is older than its agreement's `sagaTimeoutMinutes` at `nowMs`. */
export function sagaTimedOut(rules: RecognitionRulesState, saga: SagaState, nowMs: number): boolean {
  const minutes = rules.versions[saga.agreementVersion ?? '']?.document.sagaTimeoutMinutes;
  return minutes !== undefined && isTimedOut(saga, nowMs, minutes);
}

/** Message of a timeout failure. */
export const timeoutDetail = (requestedAtMs: number, nowMs: number): string =>
  `no completion ${Math.floor((nowMs - requestedAtMs) / 60_000)} min after the request`;

/** Finds open sagas past their agreement's timeout (injected clock) and publishes `RecognitionTimedOut`. */
@Injectable()
export class RecognitionTimeouts {
  constructor(
    private readonly store: RecognitionStore,
    private readonly eventBus: EventBus,
    @Inject(RECOGNITION_CLOCK) private readonly clock: Clock,
  ) {}

  /** The request ids found timed out now (their failure follows through the cqrs saga). */
  async sweep(): Promise<string[]> {
    const [{ state }, rules] = await Promise.all([this.store.loadSagas(), this.store.loadRules()]);
    const now = this.clock.now();
    const due = openSagas(state).filter((s) => sagaTimedOut(rules.state, s, now));
    for (const s of due)
      this.eventBus.publish(new RecognitionTimedOut(s.requestId, s.request.requestedAtMs, now));
    return due.map((s) => s.requestId);
  }
}
