import type { DemoData } from './demo-data';
import { check, type Post } from './demo-seeder';

/**
 * The demo compliance year in each province: the regulator allocates (grandfathering on the
 * baseline), each firm reports emissions within ±5 % of its baseline and the verifier confirms
 * them. Each firm then puts part of its allocation on the exchange: a registry transfer into the
 * exchange's custody account (`{j}-EXCHANGE`), which the exchange credits to the firm's holdings.
 * Fixed command ids: a restart on the same data changes nothing.
 */
export async function seedDemoCompliance(demo: DemoData, post: Post): Promise<void> {
  const { year, capFactorBp, freeFactorBp, auctionShareBp, governmentReserveBp, newEntrantReserveBp } =
    demo.compliance;
  for (const regulator of demo.regulators) {
    const firms = demo.enterprises.filter((e) => e.jurisdiction === regulator.jurisdiction);
    const baseline = firms.reduce((sum, f) => sum + f.baselineEmissions, 0);
    const allocation = await check(
      `allocating ${regulator.jurisdiction} ${year}`,
      post(`/registries/${regulator.jurisdiction}/allocations`, {
        actor: regulator.id,
        commandId: `demo-allocation-${regulator.jurisdiction}-${year}`,
        vintage: year,
        rules: {
          cap: Math.floor((baseline * capFactorBp) / 10_000),
          auctionShareBp,
          governmentReserveBp,
          newEntrantReserveBp,
          entitlementRounding: 'half-up',
          scaling: 'largest-remainder',
        },
        firms: firms.map((f) => ({
          firmId: f.id,
          method: 'grandfathering',
          historicEmissions: [f.baselineEmissions],
          basis: 'max',
          factorBp: freeFactorBp,
        })),
      }),
    );
    await depositIntoCustody(demo, regulator.jurisdiction, allocation as AllocationAnswer, post);
    for (const [i, firm] of firms.entries()) {
      const emissions = firm.baselineEmissions + Math.floor((firm.baselineEmissions * ((i % 11) - 5)) / 100);
      await check(
        `reporting ${firm.id}`,
        post(`/registries/${firm.jurisdiction}/emission-reports`, {
          actor: firm.id,
          commandId: `demo-report-${firm.id}-${year}`,
          firmId: firm.id,
          complianceYear: year,
          emissions,
        }),
      );
      await check(
        `verifying ${firm.id}`,
        post(`/registries/${firm.jurisdiction}/verifications`, {
          actor: demo.verifiers[0]?.id ?? 'verifier',
          commandId: `demo-verify-${firm.id}-${year}`,
          firmId: firm.id,
          complianceYear: year,
          verifiedEmissions: emissions,
        }),
      );
    }
  }
}

interface AllocationAnswer {
  firms: { firmId: string; quantity: number }[];
}

/**
 * The province's traded allowance of the year (`CQEA-2025`, `SCEA-2025`): each firm deposits
 * `startingUnits` of it, or its whole allocation if smaller, into custody.
 */
async function depositIntoCustody(
  demo: DemoData,
  jurisdiction: string,
  allocation: AllocationAnswer,
  post: Post,
): Promise<void> {
  const instrument = `${jurisdiction}EA-${demo.compliance.year}`;
  if (!demo.trading.instruments.includes(instrument)) return;
  for (const firm of allocation.firms) {
    const quantity = Math.min(demo.trading.startingUnits, firm.quantity);
    if (quantity <= 0) continue;
    await check(
      `depositing ${instrument} of ${firm.firmId} into custody`,
      post(`/registries/${jurisdiction}/custody-deposits`, {
        actor: firm.firmId,
        commandId: `demo-custody-${firm.firmId}-${instrument}`,
        memberId: firm.firmId,
        instrument,
        quantity,
      }),
    );
  }
}
