/** A message as it travels: `id` is the idempotency/command id (the BullMQ job id). */
export interface TransportMessage {
  id: string;
  name: string;
  payload: unknown;
}

/** Throwing makes the transport retry the message (with backoff) up to its attempt limit. */
export type MessageHandler = (message: TransportMessage) => Promise<void>;

/** Handles several messages of one queue together (e.g. in one transaction), in queue order. */
export type BatchHandler = (messages: readonly TransportMessage[]) => Promise<void>;

export interface ConsumeOptions {
  /** Messages of this queue handled at once by this consumer; 1 keeps the queue's order. */
  concurrency: number;
  /**
   * With concurrency 1: the messages already waiting behind the one taken (up to `max` in all) go
   * to `handler` together, in queue order. If it throws, each of them goes through the single
   * message handler instead (with its usual retries), so one bad message fails only itself.
   */
  batch?: { max: number; handler: BatchHandler };
  /**
   * A message taken by a consumer that died goes back to the queue about this long after (at most
   * one and a half times it). Default 30 s (BullMQ's lock); a live consumer renews its hold every
   * half of it, so an event loop blocked longer than this lets the message be handled twice
   * (harmless with idempotent handlers). In-process: no effect.
   */
  stalledAfterMs?: number;
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
  /**
   * Of these message ids, those the transport still holds (in any state): publishing them again
   * would be a no-op. Lets the relay re-send only what was lost, and say so truthfully.
   */
  held?(queue: string, ids: readonly string[]): Promise<Set<string>>;
  /**
   * Publishes again messages that no consumer recorded as processed. Unlike `publishBatch`, a
   * record of the message the transport holds but will never deliver (finished, or left behind
   * by a worker that wrote after the store lost its data) is replaced, so the re-send is not
   * swallowed as a duplicate. Returns how many it published (those still on their way are left).
   * Without it, the relay re-sends with `publishBatch`.
   */
  republishBatch?(queue: string, messages: readonly TransportMessage[]): Promise<number>;
  /** Closes every consumer and connection. */
  close(): Promise<void>;
}

/** Nest token of the {@link MessageTransport}. */
export const MESSAGE_TRANSPORT = Symbol('MESSAGE_TRANSPORT');

/** Where failures that are retried (and so not thrown to anyone) are reported. */
export type MessagingLog = (message: string) => void;
