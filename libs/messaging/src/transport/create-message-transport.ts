import { BullMqTransport, type BullMqTransportOptions } from './bullmq-transport';
import { InProcessTransport } from './in-process-transport';
import type { MessageTransport } from './message-transport';

export interface MessagingTransportConfig extends Omit<BullMqTransportOptions, 'redisUrl'> {
  /** Set (`REDIS_URL`): BullMQ on that Redis. Unset: the in-process transport. */
  redisUrl?: string;
}

/** BullMQ when a Redis URL is configured, otherwise the in-process twin (embedded mode). */
export function createMessageTransport(config: MessagingTransportConfig = {}): MessageTransport {
  const { redisUrl, ...rest } = config;
  if (redisUrl) return new BullMqTransport({ ...rest, redisUrl });
  return new InProcessTransport({ attempts: rest.attempts, backoffMs: rest.backoffMs, log: rest.log });
}
