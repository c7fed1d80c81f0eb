/** Issuing / compliance jurisdictions: Chongqing, Sichuan and the national market. */
export const JURISDICTIONS = ['CQ', 'SC', 'NATIONAL'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export const JURISDICTION_NAMES: Readonly<Record<Jurisdiction, { en: string; zh: string }>> = {
  CQ: { en: 'Chongqing', zh: '重庆' },
  SC: { en: 'Sichuan', zh: '四川' },
  NATIONAL: { en: 'National', zh: '全国' },
};

export function isJurisdiction(value: string): value is Jurisdiction {
  return (JURISDICTIONS as readonly string[]).includes(value);
}
