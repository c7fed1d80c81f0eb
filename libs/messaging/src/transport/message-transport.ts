/** A message as it travels: `id` is the idempotency/command id (the BullMQ job id). */
export interface TransportMessage {
  id: string;
  name: string;
  payload: unknown;
}

/** Throwing makes the transport retry the message (with backoff) up to its attempt limit. */
export type MessageHandler = (message: TransportMessage) => Promise<void>;

export interface ConsumeOptions {
  /** Messages of this queue handled at once by this consumer; 1 keeps the queue's order. */
  concurrency: number;
}

export interface ConsumerHandle {
  /** Stops taking messages and waits for those in flight. */
  close(): Promise<void>;
}

/**
 * Queues between services. Delivery is at least once: publishing an id already waiting is a
 * no-op, but a message may still be handled twice, so handlers must be idempotent.
 */
export interface MessageTransport {
  publish(queue: string, message: TransportMessage): Promise<void>;
  /** Publishes in order; equivalent to `publish` one by one, in fewer round trips. */
  publishBatch(queue: string, messages: readonly TransportMessage[]): Promise<void>;
  consume(queue: string, handler: MessageHandler, options: ConsumeOptions): Promise<ConsumerHandle>;
  /** Closes every consumer and connection. */
  close(): Promise<void>;
}

/** Nest token of the {@link MessageTransport}. */
export const MESSAGE_TRANSPORT = Symbol('MESSAGE_TRANSPORT');

/** Where failures that are retried (and so not thrown to anyone) are reported. */
export type MessagingLog = (message: string) => void;
