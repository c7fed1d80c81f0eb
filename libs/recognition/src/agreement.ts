import { INSTRUMENT_KINDS, isCreditKind } from '@app/domain';
import { z } from 'zod';
import { RECOGNITION_ERRORS, RecognitionError } from './errors';

const int = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const province = z.enum(['CQ', 'SC']);
const year = z.number().int().min(2000).max(2100);

export const RECOGNITION_USES = ['compliance-offset', 'voluntary-retirement'] as const;
export type RecognitionUse = (typeof RECOGNITION_USES)[number];

const ruleSchema = z
  .strictObject({
    ruleId: z.string().min(1),
    origin: province,
    destination: province,
    creditKinds: z
      .array(z.enum(INSTRUMENT_KINDS).refine(isCreditKind, { message: 'not a credit kind' }))
      .min(1),
    vintages: z.strictObject({ from: year, to: year }),
    excludedProjectTypes: z.array(z.string().min(1)).default([]),
    /** Destination units per origin unit. */
    conversion: z.strictObject({ num: int.min(1), den: int.min(1) }),
    /** Destination units that may be recognised under this rule per calendar year of request. */
    annualQuota: int,
    uses: z.array(z.enum(RECOGNITION_USES)).min(1),
  })
  .refine((r) => r.origin !== r.destination, {
    message: 'origin and destination must differ',
    path: ['destination'],
  })
  .refine((r) => r.vintages.from <= r.vintages.to, {
    message: 'vintages.from after vintages.to',
    path: ['vintages'],
  });

export const recognitionAgreementSchema = z
  .strictObject({
    version: z.string().regex(/^\d{4}\.\d+$/, 'expected YYYY.N, e.g. 2026.1'),
    title: z.string().min(1),
    /** A saga not past its pivot after this long is failed and compensated. */
    sagaTimeoutMinutes: z.number().int().min(1).max(525_600),
    rules: z.array(ruleSchema),
  })
  .superRefine((doc, ctx) => {
    const ids = doc.rules.map((r) => r.ruleId);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({ code: 'custom', message: `duplicate ruleId ${id}`, path: ['rules', i, 'ruleId'] });
    });
    // One rule per direction and kind, so a request matches at most one rule.
    const seen = new Set<string>();
    doc.rules.forEach((r, i) =>
      r.creditKinds.forEach((k, j) => {
        const key = `${r.origin}>${r.destination}:${k}`;
        if (seen.has(key))
          ctx.addIssue({
            code: 'custom',
            message: `${key} covered twice`,
            path: ['rules', i, 'creditKinds', j],
          });
        seen.add(key);
      }),
    );
  });

export type RecognitionRule = z.infer<typeof ruleSchema>;
export type RecognitionAgreement = z.infer<typeof recognitionAgreementSchema>;

/** Parse and validate; throws RECOGNITION.INVALID_AGREEMENT with `details.issues[{ path, message }]`. */
export function parseRecognitionAgreement(raw: unknown): RecognitionAgreement {
  const result = recognitionAgreementSchema.safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(root)',
    message: i.message,
  }));
  throw new RecognitionError(
    RECOGNITION_ERRORS.INVALID_AGREEMENT,
    issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    { field: issues[0]?.path, issues },
  );
}
