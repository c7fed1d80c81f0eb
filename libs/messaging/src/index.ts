export {
  MESSAGING_ENTITIES,
  MESSAGING_MIGRATIONS,
  MessagingSchema1764000100000,
  OUTBOX_CHANNEL,
} from './schema/messaging-schema.migration';
export {
  MESSAGE_TRANSPORT,
  type BatchHandler,
  type ConsumeOptions,
  type ConsumerHandle,
  type MessageHandler,
  type MessageTransport,
  type MessagingLog,
  type TransportMessage,
} from './transport/message-transport';
export { InProcessTransport, type InProcessTransportOptions } from './transport/in-process-transport';
export { BullMqTransport, type BullMqTransportOptions } from './transport/bullmq-transport';
export { toJobId } from './transport/bullmq-job-id';
export { queueSigningKey, signMessage, verifyMessage } from './transport/message-signature';
export { createMessageTransport, type MessagingTransportConfig } from './transport/create-message-transport';
export { Outbox, type OutboxMessage, type OutboxOptions } from './outbox/outbox';
export { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
export {
  idempotentBatchHandler,
  idempotentHandler,
  type TransactionalBatchHandler,
  type TransactionalHandler,
} from './consumers/idempotent-handler';
export { MessagingModule, type MessagingModuleOptions } from './messaging.module';
