import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INSTRUMENT_KINDS, JURISDICTIONS } from '@app/domain';
import { z } from 'zod';

const positiveInt = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const instrumentSchema = z.strictObject({
  symbol: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/),
  kind: z.enum(INSTRUMENT_KINDS),
  jurisdiction: z.enum(JURISDICTIONS),
  nameEn: z.string().min(1),
  nameZh: z.string().min(1),
  unit: z.string().min(1),
  vintage: z.number().int().min(2000).max(2100).optional(),
  tick: positiveInt,
  lot: positiveInt,
  referencePrice: positiveInt,
  bandBp: z.number().int().min(0).max(10000),
  blockBandBp: z.number().int().min(0).max(10000),
  blockMinQty: positiveInt,
  maxOrderQty: positiveInt,
  modes: z.array(z.enum(['continuous', 'auction', 'block'])).min(1),
});

const catalogueSchema = z.strictObject({
  $comment: z.string().optional(),
  sessions: z.strictObject({
    timezone: z.string(),
    continuous: z.array(z.tuple([z.string(), z.string()])),
    block: z.array(z.tuple([z.string(), z.string()])),
  }),
  instruments: z.array(instrumentSchema).min(1),
});

export type InstrumentDefinition = z.infer<typeof instrumentSchema>;
export type InstrumentCatalogueFile = z.infer<typeof catalogueSchema>;

export class InstrumentCatalogue {
  private readonly bySymbol: ReadonlyMap<string, InstrumentDefinition>;

  constructor(readonly file: InstrumentCatalogueFile) {
    this.bySymbol = new Map(file.instruments.map((i) => [i.symbol, i]));
    if (this.bySymbol.size !== file.instruments.length)
      throw new Error('Instrument catalogue: duplicate symbol');
  }

  static parse(json: unknown, source = 'instrument catalogue'): InstrumentCatalogue {
    const result = catalogueSchema.safeParse(json);
    if (!result.success) {
      const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`${source} is invalid: ${issues}`);
    }
    return new InstrumentCatalogue(result.data);
  }

  static load(seedsDir = 'seeds'): InstrumentCatalogue {
    const path = join(seedsDir, 'instruments.json');
    return InstrumentCatalogue.parse(JSON.parse(readFileSync(path, 'utf8')), path);
  }

  get(symbol: string): InstrumentDefinition | undefined {
    return this.bySymbol.get(symbol);
  }

  list(): readonly InstrumentDefinition[] {
    return this.file.instruments;
  }
}
