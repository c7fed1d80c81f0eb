import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventStore, type StoredEvent } from '@app/event-store';
import {
  evolvePricingStandard,
  initialPricingStandardState,
  versionInForce,
  type PricingStandard,
  type PricingStandardEvent,
  type PricingStandardState,
  type Province,
} from '@app/pricing';

/** The one stream of the joint standard: proposals, approvals and adoptions of every version. */
export const PRICING_STANDARD_STREAM = 'pricing-standard';

/** How a library event is stored: its type, and the rest of it as `data`. */
export interface StandardRecord {
  type: PricingStandardEvent['type'];
  data: Record<string, unknown>;
}

export function toRecord(event: PricingStandardEvent): StandardRecord {
  const { type, ...data } = event;
  return { type, data };
}

export const fromRecord = (record: StandardRecord): PricingStandardEvent =>
  ({ type: record.type, ...record.data }) as PricingStandardEvent;

export interface StandardInForce {
  readonly version: string;
  readonly effectiveFrom: string;
  readonly document: PricingStandard;
}

/**
 * This process's copy of the `pricing-standard` stream, folded by the library's `evolve`: every
 * read first catches up with what other processes appended (the stream is the truth).
 */
@Injectable()
export class PricingStandardLog {
  private state: PricingStandardState = initialPricingStandardState;
  private events: StoredEvent<StandardRecord>[] = [];
  private readonly proposers = new Map<string, Province>();

  constructor(private readonly store: EventStore) {}

  /** Reads events not seen yet; returns the stream version read up to. */
  async refresh(manager?: EntityManager): Promise<number> {
    const fresh = await this.store.readStream<StandardRecord>(PRICING_STANDARD_STREAM, {
      fromVersion: this.events.length + 1,
      manager,
    });
    for (const event of fresh) {
      // Two overlapping refreshes may read the same events: each is folded once, in order.
      if (event.streamVersion !== this.events.length + 1) continue;
      const decoded = fromRecord(event);
      this.state = evolvePricingStandard(this.state, decoded);
      this.events.push(event);
      if (decoded.type === 'PricingStandardProposed') this.proposers.set(decoded.version, decoded.proposedBy);
    }
    return this.events.length;
  }

  current(): PricingStandardState {
    return this.state;
  }

  proposedBy(version: string): Province | undefined {
    return this.proposers.get(version);
  }

  /** The events a command appended, found by its idempotency key. */
  byCommand(commandId: string): StoredEvent<StandardRecord>[] {
    return this.events.filter((e) => e.metadata.commandId === commandId);
  }

  /** The version adopted by both provinces in force on `date` (YYYY-MM-DD), if any. */
  inForce(date: string): StandardInForce | undefined {
    const v = versionInForce(this.state, date);
    return v && { version: v.version, effectiveFrom: v.adoptedFrom as string, document: v.document };
  }

  async inForceNow(date: string, manager?: EntityManager): Promise<StandardInForce | undefined> {
    await this.refresh(manager);
    return this.inForce(date);
  }
}
