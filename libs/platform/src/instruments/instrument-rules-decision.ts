import { z } from 'zod';
import { ruleFieldsSchema, type RuleChanges } from './instrument-rules';

/**
 * `2026-12-01` (midnight Beijing time, UTC+8, no daylight saving) or a full ISO date-time with
 * its offset (`2026-12-01T13:00:00+08:00`).
 */
export const effectiveFromSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** A regulator's dated decision as it arrives over HTTP (before it becomes an event). */
export const rulesDecisionSchema = z.strictObject({
  /** Filled in from the sign-in (the edge sets the signed-in regulator's id); needed only without one. */
  regulator: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'must be a regulator id such as regulator-cq')
    .optional(),
  /** Idempotency key: the same decision sent again is recorded once. */
  decisionId: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1-64 letters, digits and . _ : -')
    .optional(),
  effectiveFrom: effectiveFromSchema,
  /** Document number or note, e.g. 渝环〔2026〕12号. */
  reference: z.string().min(1).max(200).optional(),
  changes: ruleFieldsSchema
    .partial()
    .refine((c) => Object.keys(c).length > 0, 'must change at least one rule'),
});

export type RulesDecision = z.infer<typeof rulesDecisionSchema>;

/** Epoch milliseconds of an effective date; a bare date means 00:00 Beijing time. */
export function effectiveFromMs(effectiveFrom: string): number {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom) ? `${effectiveFrom}T00:00:00+08:00` : effectiveFrom;
  return Date.parse(iso);
}

/** The decision as applied by the catalogue: what an `InstrumentRulesChanged` event carries. */
export interface AppliedRulesDecision {
  symbol: string;
  decisionId: string;
  regulator: string;
  effectiveFrom: string;
  effectiveFromMs: number;
  reference?: string;
  changes: RuleChanges;
}
