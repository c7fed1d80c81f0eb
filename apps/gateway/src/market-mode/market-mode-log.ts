import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MARKET_MODE_STREAM } from '@app/contracts';
import { EventStore } from '@app/event-store';
import {
  evolveMarketMode,
  initialMarketModeState,
  type MarketModeEvent,
  type MarketModeState,
} from '@app/recognition';

export interface MarketModeSnapshot {
  readonly state: MarketModeState;
  /** Version of the `market-mode` stream the state reflects (0: no event yet). */
  readonly version: number;
}

/**
 * The regulators' market-mode decisions as every service reads them: the `market-mode` stream
 * folded. The state is kept with its version and only the tail is read on each call; a caller in a
 * transaction passes its manager (the embedded database has one connection).
 */
@Injectable()
export class MarketModeLog {
  private cached: MarketModeSnapshot = { state: initialMarketModeState, version: 0 };

  constructor(private readonly store: EventStore) {}

  async read(manager?: EntityManager): Promise<MarketModeSnapshot> {
    const base = this.cached;
    const tail = await this.store.readStream(MARKET_MODE_STREAM, {
      fromVersion: base.version + 1,
      manager,
    });
    if (tail.length === 0) return base;
    let state = base.state;
    for (const e of tail) state = evolveMarketMode(state, fromStored(e));
    const next = { state, version: tail[tail.length - 1].streamVersion };
    if (next.version > this.cached.version) this.cached = next;
    return next;
  }
}

/** Stored as `{type, data}`; the pure core's events are flat. */
export const fromStored = (e: { type: string; data: unknown }): MarketModeEvent =>
  ({ ...(e.data as object), type: e.type }) as MarketModeEvent;

export const toStored = ({ type, ...data }: MarketModeEvent): { type: string; data: unknown } => ({
  type,
  data,
});
