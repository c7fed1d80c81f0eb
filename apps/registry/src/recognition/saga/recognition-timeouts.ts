import { Inject, Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { isTimedOut, openSagas } from '@app/recognition';
import { RECOGNITION_CLOCK, type Clock } from '../recognition-clock';
import { RecognitionStore } from '../recognition-store';
import { RecognitionTimedOut } from './recognition-saga.commands';

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
    const versions = rules.state.versions;
    const now = this.clock.now();
    const due = openSagas(state).filter((s) => {
      const minutes = versions[s.agreementVersion ?? '']?.document.sagaTimeoutMinutes;
      return minutes !== undefined && isTimedOut(s, now, minutes);
    });
    for (const s of due)
      this.eventBus.publish(new RecognitionTimedOut(s.requestId, s.request.requestedAtMs, now));
    return due.map((s) => s.requestId);
  }
}
