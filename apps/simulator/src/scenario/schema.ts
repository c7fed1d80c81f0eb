import { z } from 'zod';
import { AGENT_KINDS, SPECULATOR_KINDS } from '@app/agents';

/** Scenario file schema (shared/spec/scenario.md); strict objects refuse unknown fields. */
const tonnes = z.number().int().nonnegative();
const fenPerTonne = z.number().int().positive();
const bp = z.number().int().min(0).max(10_000);
const yearKey = z.string().regex(/^\d{4}$/, 'a year like 2025');
const perYear = z.record(yearKey, tonnes);

const linearMac = z.strictObject({
  type: z.literal('linear'),
  maxAbatement: tonnes,
  priceAtMax: fenPerTonne,
});
const stepsMac = z.strictObject({
  type: z.literal('steps'),
  steps: z.array(z.strictObject({ tonnes, price: fenPerTonne })).min(1),
});
export const macSchema = z.discriminatedUnion('type', [linearMac, stepsMac]);

const uniform = z.strictObject({ dist: z.literal('uniform'), min: tonnes, max: tonnes });
/** A drawn quantity: a fixed integer or `{ dist: uniform, min, max }` (inclusive, integers). */
const drawn = z.union([tonnes, uniform]);

const generatedMac = z.strictObject({
  type: z.literal('linear'),
  maxAbatementBp: drawn.optional(),
  maxAbatement: drawn.optional(),
  priceAtMax: drawn,
});

const agent = z.enum(AGENT_KINDS);
const creditLine = z.strictObject({
  /** Jurisdiction that issued the credits (a jurisdiction id of the scenario). */
  issuer: z.string(),
  projectType: z.string().min(1).default('forestry'),
  quantity: perYear,
});
const firmId = z.string().regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits, _ . : or -');

export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  seed: z.number().int(),
  years: z.array(z.number().int().min(1000).max(9999)).min(1),
  tradingDaysPerYear: z.number().int().positive(),
  linkage: z.enum(['separate', 'recognition', 'linked']),
  market: z.strictObject({
    initialReferencePrice: fenPerTonne,
    priceLimitBp: bp,
    tick: fenPerTonne.default(1),
    /** Extra: trading steps per day (every firm gets one turn per step). Default 4. */
    stepsPerDay: z.number().int().positive().max(1000).default(4),
    /** Extra: penalty per tonne short = multiplier × the market's year VWAP. Default 3. */
    penaltyMultiplier: z.number().int().positive().max(100).default(3),
    /**
     * Extra: the @app/compliance penalty rule. shenzhen: multiplier × the year's VWAP, shortfall
     * deducted next year; national-2024: multiplier (5–10) × the final-tenth VWAP (the "last month"),
     * deducted next year; eu-fixed: penaltyFinePerTonneFen per tonne, and the tonnes still owed
     * (make-good) taken from next year's allocation.
     */
    penaltyRule: z.enum(['shenzhen', 'national-2024', 'eu-fixed']).default('shenzhen'),
    penaltyFinePerTonneFen: fenPerTonne.optional(),
  }),
  jurisdictions: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'letters, digits, _ or -'),
        /** Extra: a display name. */
        name: z.string().optional(),
        cap: perYear,
        auctionShareBp: bp.default(0),
        offsetLimitBp: bp.default(0),
        /** Extra: credit project types this jurisdiction does not accept (Chongqing: hydro). */
        excludedProjectTypes: z.array(z.string().min(1)).default([]),
        /**
         * Extra, `recognition` linkage only: credits issued by another jurisdiction count here up to
         * this share of the firm's verified emissions (within offsetLimitBp). Default 0: none.
         */
        recognitionQuotaBp: bp.default(0),
      }),
    )
    .min(1),
  enterprises: z
    .array(
      z.strictObject({
        id: firmId,
        jurisdiction: z.string(),
        /** Extra: sector label for the report. */
        sector: z.string().optional(),
        emissions: perYear,
        allocation: perYear.optional(),
        mac: macSchema,
        agent: agent.default('mac-trader'),
        /** Extra: offset credits the firm holds (from its own projects), by year of issuance. */
        credits: z.array(creditLine).default([]),
      }),
    )
    .default([]),
  generate: z
    .array(
      z.strictObject({
        count: z.number().int().positive().max(1_000_000),
        jurisdiction: z.string(),
        prefix: firmId,
        sector: z.string().optional(),
        emissions: drawn,
        mac: generatedMac,
        agent: agent.default('mac-trader'),
        /** Extra: each firm holds credits of its jurisdiction, a drawn share of its emissions, every year. */
        credits: z
          .strictObject({ bpOfEmissions: drawn, projectType: z.string().min(1).default('forestry') })
          .optional(),
      }),
    )
    .default([]),
  /** Extra: accounts with no obligation (noise traders, market makers) in a jurisdiction's market. */
  traders: z
    .array(
      z.strictObject({
        kind: z.enum(SPECULATOR_KINDS),
        jurisdiction: z.string(),
        count: z.number().int().positive().max(10_000).default(1),
        prefix: firmId,
        maxQty: z.number().int().positive().default(1000),
        rangeBp: bp.default(200),
        spreadBp: bp.default(100),
      }),
    )
    .default([]),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioFile = z.output<typeof scenarioSchema>;
export type Drawn = z.output<typeof drawn>;

/** The JSON Schema committed at apps/simulator/scenario.schema.json. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, { io: 'input' });
}
