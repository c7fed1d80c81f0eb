import type { EventShape, StoredEvent } from './types';

/** Emmett-style decider half: how state is rebuilt from a stream. State must be JSON-serialisable to snapshot. */
export interface AggregateDefinition<S, E extends EventShape = EventShape> {
  initialState: () => S;
  evolve: (state: S, event: StoredEvent<E>) => S;
}

export function foldEvents<S, E extends EventShape>(
  state: S,
  events: readonly StoredEvent<E>[],
  evolve: (state: S, event: StoredEvent<E>) => S,
): S {
  let current = state;
  for (const event of events) current = evolve(current, event);
  return current;
}
