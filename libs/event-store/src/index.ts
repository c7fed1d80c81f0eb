export * from './types';
export * from './errors';
export * from './aggregate';
export * from './event-store';
export * from './event-store.module';
export {
  EVENT_STORE_CHANNEL,
  EVENT_STORE_ENTITIES,
  EVENT_STORE_MIGRATIONS,
  EventStoreSchema1764000000000,
} from './schema/event-store-schema.migration';
export {
  POSITIONS_PER_ROW,
  PackedEvents1764000600000,
  UNPACK_EVENTS,
} from './schema/packed-events.migration';
export type { StreamEvent } from './sql/append-in-order.sql';
export { checkpointOf, compareCheckpoints } from './sql/rows';
export { readLogPage } from './read-log-page';
export type { SubscribeOptions, Subscription } from './subscriptions/catch-up-subscription';
export type { Projection } from './projections/projection';
export { ProjectionRunner, type ProjectionRunnerOptions } from './projections/projection-runner';
export * from './audit-context';
