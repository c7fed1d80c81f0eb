import { INSTRUMENT_KINDS, JURISDICTIONS } from '@app/domain';
import { z } from 'zod';
import { tradingHoursSchema } from './trading-hours';

export const positiveInt = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const basisPoints = z.number().int().min(0).max(10000);
export const TRADING_MODES = ['continuous', 'auction', 'block'] as const;

export const freeAllocationSellLimitSchema = z.strictObject({
  enabled: z.boolean(),
  maxShareBp: basisPoints,
});

/** The rules a regulator's decision may change; everything else about an instrument is fixed. */
export const ruleFieldsSchema = z.strictObject({
  /** Previous close in fen: the centre of both price bands. */
  referencePrice: positiveInt,
  /** Listing band half-width in basis points (1000 = ±10 %). */
  bandBp: basisPoints,
  /** Block-trade band half-width in basis points (3000 = ±30 %). */
  blockBandBp: basisPoints,
  /** Smallest quantity of a block trade. */
  blockMinQty: positiveInt,
  /** Largest quantity of one listing order. */
  maxOrderQty: positiveInt,
  /** Price increment in fen. */
  tick: positiveInt,
  /** Quantity increment in units. */
  lot: positiveInt,
  /**
   * How the instrument trades: `continuous` (listing orders in the continuous session), `auction`
   * (listing orders collected for the opening and closing call auctions), `block` (negotiated
   * trades). Empty: trading suspended (orders can still be cancelled).
   */
  modes: z.array(z.enum(TRADING_MODES)),
  hours: tradingHoursSchema,
  freeAllocationSellLimit: freeAllocationSellLimitSchema,
});

export const instrumentSchema = ruleFieldsSchema
  .extend({
    symbol: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/),
    kind: z.enum(INSTRUMENT_KINDS),
    jurisdiction: z.enum(JURISDICTIONS),
    nameEn: z.string().min(1),
    nameZh: z.string().min(1),
    unit: z.string().min(1),
    vintage: z.number().int().min(2000).max(2100).optional(),
  })
  .superRefine((i, ctx) => {
    if (i.referencePrice % i.tick !== 0)
      ctx.addIssue({ code: 'custom', path: ['referencePrice'], message: 'must be a multiple of tick' });
    if (i.maxOrderQty % i.lot !== 0)
      ctx.addIssue({ code: 'custom', path: ['maxOrderQty'], message: 'must be a multiple of lot' });
  });

/** An instrument with every rule resolved (defaults of the file applied). */
export type InstrumentDefinition = z.infer<typeof instrumentSchema>;
export type RuleFields = z.infer<typeof ruleFieldsSchema>;
export type RuleChanges = Partial<RuleFields>;
export type TradingMode = (typeof TRADING_MODES)[number];
