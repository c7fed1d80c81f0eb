import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const person = {
  id: z.string().regex(/^[a-z0-9-]{3,64}$/),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
};
const jurisdiction = z.enum(['CQ', 'SC']);

const schema = z.strictObject({
  $comment: z.string().optional(),
  enterprises: z
    .array(
      z.strictObject({
        ...person,
        jurisdiction,
        sector: z.string().min(1),
        /** tCO2 per year, for the demo's allocation tables. */
        baselineEmissions: z.number().int().positive(),
      }),
    )
    .min(2),
  regulators: z.array(z.strictObject({ ...person, jurisdiction })).min(1),
  verifiers: z.array(z.strictObject(person)),
  researchers: z.array(z.strictObject(person)),
  /** The demo's compliance year: allocated, reported and verified at start, surrendered by the user. */
  compliance: z.strictObject({
    year: z.number().int().min(2000).max(9999),
    deadline: z.iso.date(),
    /** Cap as a share of the province's baseline emissions. */
    capFactorBp: z.number().int().min(0).max(20_000),
    /** Free allocation: baseline × this factor (grandfathering). */
    freeFactorBp: z.number().int().min(0).max(10_000),
    auctionShareBp: z.number().int().min(0).max(10_000),
    governmentReserveBp: z.number().int().min(0).max(10_000),
    newEntrantReserveBp: z.number().int().min(0).max(10_000),
  }),
  trading: z.strictObject({
    seed: z.number().int().nonnegative(),
    ordersPerSecond: z.number().positive().max(1000),
    instruments: z.array(z.string().min(1)).min(1),
    /** Fen per enterprise. */
    startingCash: z.number().int().nonnegative(),
    /** Units of each traded instrument per enterprise. */
    startingUnits: z.number().int().nonnegative(),
  }),
});

export type DemoData = z.infer<typeof schema>;
export type DemoEnterprise = DemoData['enterprises'][number];

export interface DemoUser {
  id: string;
  role: 'enterprise' | 'regulator' | 'verifier' | 'researcher';
  jurisdiction?: 'CQ' | 'SC';
  sector?: string;
  baselineEmissions?: number;
  nameZh: string;
  nameEn: string;
}

/** `seeds/demo.json`, validated: a bad file stops the sandbox with the path of the bad field. */
export function loadDemoData(seedsDir = 'seeds'): DemoData {
  const path = join(seedsDir, 'demo.json');
  const result = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!result.success)
    throw new Error(
      `${path}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return result.data;
}

export function demoUsers(demo: DemoData): DemoUser[] {
  return [
    ...demo.enterprises.map((e) => ({ ...e, role: 'enterprise' as const })),
    ...demo.regulators.map((r) => ({ ...r, role: 'regulator' as const })),
    ...demo.verifiers.map((v) => ({ ...v, role: 'verifier' as const })),
    ...demo.researchers.map((r) => ({ ...r, role: 'researcher' as const })),
  ];
}
