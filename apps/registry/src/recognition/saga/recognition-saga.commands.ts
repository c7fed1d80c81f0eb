import { Command } from '@nestjs/cqrs';
import type { RecognitionEventType, RecognitionFailed } from '@app/recognition';

/** Run the saga's next step if it is `step` (a queue message asks for it). */
export class AdvanceRecognition extends Command<void> {
  constructor(
    readonly requestId: string,
    readonly step: RecognitionEventType,
  ) {
    super();
  }
}

/** Fail a saga not past its pivot and start its compensation. */
export class FailRecognition extends Command<boolean> {
  constructor(
    readonly requestId: string,
    readonly reason: RecognitionFailed['reason'],
    readonly detail: string,
  ) {
    super();
  }
}

/** Published by the timeout watcher for each open saga older than its agreement's `sagaTimeoutMinutes`. */
export class RecognitionTimedOut {
  constructor(
    readonly requestId: string,
    readonly requestedAtMs: number,
    readonly nowMs: number,
  ) {}
}
