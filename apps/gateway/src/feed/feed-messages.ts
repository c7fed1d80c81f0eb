import { z } from 'zod';
import type { LevelTuple } from './depth-book';

export const FEED_CHANNELS = ['depth', 'trades'] as const;
export type FeedChannel = (typeof FEED_CHANNELS)[number];

/** What a client may send over `/feed`: one JSON object per message. */
export const clientMessageSchema = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('subscribe'),
    instrument: z
      .string()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'must be an instrument symbol such as CQEA-2025'),
    channels: z
      .array(z.enum(FEED_CHANNELS))
      .min(1)
      .default([...FEED_CHANNELS]),
  }),
  z.strictObject({ op: z.literal('unsubscribe'), instrument: z.string() }),
  z.strictObject({ op: z.literal('ping') }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** What the server sends. `seq` is the version of the instrument's book stream. */
export type FeedMessage =
  | { type: 'subscribed'; instrument: string; channels: FeedChannel[] }
  | { type: 'unsubscribed'; instrument: string }
  | { type: 'snapshot'; instrument: string; seq: number; bids: LevelTuple[]; asks: LevelTuple[] }
  | {
      type: 'depth';
      instrument: string;
      /** `seq` of the previous depth message (or snapshot) for this instrument. */
      prevSeq: number;
      seq: number;
      bids: LevelTuple[];
      asks: LevelTuple[];
    }
  | {
      type: 'trade';
      instrument: string;
      seq: number;
      tradeNo: number;
      price: number;
      qty: number;
      aggressor: 'buy' | 'sell';
      executedAt: number;
    }
  | { type: 'pong' }
  | { type: 'error'; code: string; message: string; field?: string };
