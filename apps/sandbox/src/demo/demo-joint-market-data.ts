import { CHENGYU_PRICING_STANDARD_2026_1, type PricingStandard } from '@app/pricing';

/**
 * The joint-market demo's data (issue #6): activity records of households and firms in each province,
 * the Sichuan credits recognised in Chongqing, a Chongqing SO2 sale to Sichuan and a pricing revision.
 * Quantities are within each methodology's caps (`GET /carbon-inclusion/methodologies`); periods end in
 * the past, within the programmes' crediting windows.
 */
export interface DemoInclusionIssuance {
  readonly jurisdiction: 'CQ' | 'SC';
  /** The programme platform that reports the records (recorded as the actor). */
  readonly platform: string;
  readonly issuanceId: string;
  readonly holderAccountId: string;
  readonly records: readonly {
    recordId: string;
    methodologyId: string;
    quantity: number;
    periodStart: string;
    periodEnd: string;
  }[];
}

const record = (recordId: string, methodologyId: string, quantity: number, from: string, to: string) => ({
  recordId,
  methodologyId,
  quantity,
  periodStart: from,
  periodEnd: to,
});

export const DEMO_INCLUSION_ISSUANCES: readonly DemoInclusionIssuance[] = [
  // Sichuan 碳惠天府: 60,000 kWh × 0.1564 kg → 9 t; 40,000 km × 0.13654 kg → 5 t; 2,000 trees a year → 36 t.
  {
    jurisdiction: 'SC',
    platform: 'platform:sc-tanhuitianfu',
    issuanceId: 'demo-sc-household-001-solar',
    holderAccountId: 'sc-household-001',
    records: [record('sc-pv-001-2026q1', 'SC-SOLAR-ROOFTOP', 60_000, '2026-01-01', '2026-03-31')],
  },
  {
    jurisdiction: 'SC',
    platform: 'platform:sc-tanhuitianfu',
    issuanceId: 'demo-sc-household-002-ev',
    holderAccountId: 'sc-household-002',
    records: [record('sc-ev-002-2026h1', 'SC-EV-KM', 40_000, '2026-01-01', '2026-06-30')],
  },
  {
    jurisdiction: 'SC',
    platform: 'platform:sc-tanhuitianfu',
    issuanceId: 'demo-sc-paper-001-trees',
    holderAccountId: 'sc-paper-001',
    records: [record('sc-trees-paper-2025', 'SC-TREES', 2_000, '2025-01-01', '2025-12-31')],
  },
  // Chongqing 碳惠通: 20,000 kWh × 0.5306 kg → 10 t; 30,000 km × 0.08041 kg → 2 t; 1,000 trees a year → 18 t.
  {
    jurisdiction: 'CQ',
    platform: 'platform:cq-tanhuitong',
    issuanceId: 'demo-cq-household-001-solar',
    holderAccountId: 'cq-household-001',
    records: [record('cq-pv-001-2026q1', 'CQ-SOLAR-ROOFTOP', 20_000, '2026-01-01', '2026-02-28')],
  },
  {
    jurisdiction: 'CQ',
    platform: 'platform:cq-tanhuitong',
    issuanceId: 'demo-cq-household-002-ev',
    holderAccountId: 'cq-household-002',
    records: [record('cq-ev-002-2026h1', 'CQ-EV-KM', 30_000, '2026-01-01', '2026-06-30')],
  },
  {
    jurisdiction: 'CQ',
    platform: 'platform:cq-tanhuitong',
    issuanceId: 'demo-cq-cement-001-trees',
    holderAccountId: 'cq-cement-001',
    records: [record('cq-trees-cement-2025', 'CQ-TREES', 1_000, '2025-01-01', '2025-12-31')],
  },
];

/** Sichuan households' 碳惠天府 bought by Chongqing firms and recognised in Chongqing (SC → CQ). */
export const DEMO_RECOGNITIONS = [
  {
    requestId: 'demo-rec-sc-cq-1',
    issuanceId: 'demo-sc-household-001-solar',
    seller: 'sc-household-001',
    buyer: 'cq-steel-001',
    projectType: 'rooftop-solar',
    use: 'compliance-offset',
  },
  {
    requestId: 'demo-rec-sc-cq-2',
    issuanceId: 'demo-sc-household-002-ev',
    seller: 'sc-household-002',
    buyer: 'cq-power-001',
    projectType: 'electric-vehicle',
    use: 'voluntary-retirement',
  },
] as const;

/** A Chongqing chemical plant sells SO2 rights to a Sichuan paper mill: Chongqing approved, Sichuan to decide. */
export const DEMO_SO2_TRANSFER = {
  transferId: 'demo-xp-so2-1',
  sellerAccountId: 'cq-chemicals-001',
  buyerAccountId: 'sc-paper-001',
  vintage: 2025,
  issued: 100,
  quantity: 40,
  priceFen: 2_100_000,
} as const;

/** Sichuan's proposed revision: negotiated block trades count in the close (awaits Chongqing's key). */
export const DEMO_PENDING_PRICING_VERSION: PricingStandard = {
  ...CHENGYU_PRICING_STANDARD_2026_1,
  version: '2026.2',
  title: '成渝统一定价标准 2026.2：大宗协议交易计入收盘价 / block trades count in the close',
  closing: { ...CHENGYU_PRICING_STANDARD_2026_1.closing, venues: ['continuous', 'block'] },
};
