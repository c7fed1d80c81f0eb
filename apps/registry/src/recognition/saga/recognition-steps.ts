import type { OutboxMessage } from '@app/messaging';
import type { RecognitionEventType } from '@app/recognition';

/** The queue the recognition saga's steps travel on (one message per step, consumed by the registry worker). */
export const RECOGNITION_QUEUE = 'registry-recognition';
/** Consumer name in `processed_messages` (the relay's acknowledgement). */
export const RECOGNITION_CONSUMER = 'registry-recognition';

export interface RecognitionStepMessage {
  readonly requestId: string;
  /** The saga event the step records when it is done (`nextSagaStep`). */
  readonly step: RecognitionEventType;
}

/** One id per saga and step: queuing it twice is a no-op, and the consumer dedupes by it. */
export const stepMessageId = (requestId: string, step: RecognitionEventType): string =>
  `recognition:${requestId}:${step}`;

export const stepMessage = (requestId: string, step: RecognitionEventType): OutboxMessage => ({
  queue: RECOGNITION_QUEUE,
  name: step,
  payload: { requestId, step } satisfies RecognitionStepMessage,
  messageId: stepMessageId(requestId, step),
});

/** Registry command ids of a saga's steps: derived from the request, so a redelivered step is a registry retry. */
export const sagaCommandId = (
  requestId: string,
  part: 'lock' | 'issue' | 'cancel' | 'release' | 'revoke' | 'unlock',
): string => `recognition:${requestId}:${part}`;

/** The lock that holds the origin range (and, in the destination, the recognised units until completion). */
export const recognitionLockId = (requestId: string): string => `recognition:${requestId}`;
