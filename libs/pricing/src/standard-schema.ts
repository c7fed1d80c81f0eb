import { z } from 'zod';
import { INSTRUMENT_CLASSES } from './instrument-class';
import { PRICING_ERRORS, PricingError } from './errors';

const int = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const positiveInt = int.min(1);
const bp = z.number().int().min(0).max(10_000);
const rounding = z.enum(['half-up', 'half-even', 'floor', 'ceil', 'trunc']);
const rationalSchema = z.strictObject({ num: int, den: positiveInt });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

const bandSchema = z
  .strictObject({ tickFen: positiveInt, listingBandBp: bp, blockBandBp: bp })
  .refine((b) => b.blockBandBp >= b.listingBandBp, {
    message: 'blockBandBp must be ≥ listingBandBp',
    path: ['blockBandBp'],
  });

const factorSchema = z.strictObject({ tco2PerUnit: rationalSchema, source: z.string().min(1) });

/** Rights whose paid initial allocation has a benchmark (guide) price. */
export const BENCHMARK_KINDS = [
  'POLLUTANT_SO2',
  'POLLUTANT_NOX',
  'POLLUTANT_COD',
  'POLLUTANT_NH3N',
  'ENERGY_USE',
  'WATER_USE',
] as const;

const benchmarkEntrySchema = z.strictObject({
  kind: z.enum(BENCHMARK_KINDS),
  jurisdiction: z.enum(['CQ', 'SC']),
  unitAbatementCostFen: int,
  regionalAdjustmentBp: z.number().int().gt(-10_000).max(100_000),
  scarcityCap: rationalSchema.refine((r) => r.num >= r.den, { message: 'scarcityCap must be ≥ 1' }),
  source: z.string().min(1),
});

export const pricingStandardSchema = z
  .strictObject({
    version: z.string().regex(/^\d{4}\.\d+$/, 'expected YYYY.N, e.g. 2026.1'),
    title: z.string().min(1),
    closing: z.strictObject({
      venues: z.array(z.enum(['continuous', 'block', 'auction'])).min(1),
      windowMinutes: z.number().int().min(1).max(1_440).optional(),
      minVolume: int,
      rounding,
      fallbacks: z.array(z.enum(['previous-close', 'reference'])),
    }),
    bands: z.strictObject(
      Object.fromEntries(INSTRUMENT_CLASSES.map((c) => [c, bandSchema])) as Record<
        (typeof INSTRUMENT_CLASSES)[number],
        typeof bandSchema
      >,
    ),
    benchmark: z.strictObject({
      rounding,
      validityYears: positiveInt.max(50),
      entries: z.array(benchmarkEntrySchema),
    }),
    co2e: z.strictObject({
      rounding,
      energyUse: factorSchema,
      electricityUse: z.strictObject({ CQ: factorSchema, SC: factorSchema }),
    }),
    index: z.strictObject({
      basePeriod: isoDate,
      baseHundredths: positiveInt,
      rounding,
      constituents: z.array(z.string().min(1)).min(1),
    }),
  })
  .superRefine((doc, ctx) => {
    const dupes = (values: readonly string[]) => values.findIndex((v, i) => values.indexOf(v) !== i);
    const fb = dupes(doc.closing.fallbacks);
    if (fb >= 0)
      ctx.addIssue({ code: 'custom', message: 'duplicate fallback', path: ['closing', 'fallbacks', fb] });
    const be = dupes(doc.benchmark.entries.map((e) => `${e.kind}|${e.jurisdiction}`));
    if (be >= 0)
      ctx.addIssue({
        code: 'custom',
        message: 'duplicate benchmark entry for this kind and jurisdiction',
        path: ['benchmark', 'entries', be],
      });
    const ic = dupes(doc.index.constituents);
    if (ic >= 0)
      ctx.addIssue({ code: 'custom', message: 'duplicate constituent', path: ['index', 'constituents', ic] });
  });

export type PricingStandard = z.infer<typeof pricingStandardSchema>;
export type BenchmarkEntry = z.infer<typeof benchmarkEntrySchema>;

export interface StandardIssue {
  /** Dotted field path, e.g. `bands.POLLUTANT.tickFen` or `benchmark.entries.2`. */
  readonly path: string;
  readonly message: string;
}

/** Parse and validate a standard document; throws PRICING.INVALID_STANDARD listing every field at fault. */
export function parsePricingStandard(raw: unknown): PricingStandard {
  const result = pricingStandardSchema.safeParse(raw);
  if (result.success) return result.data;
  const issues: StandardIssue[] = result.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(root)',
    message: i.message,
  }));
  throw new PricingError(
    PRICING_ERRORS.INVALID_STANDARD,
    issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    { field: issues[0]?.path, issues },
  );
}
