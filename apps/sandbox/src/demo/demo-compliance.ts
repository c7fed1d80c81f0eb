import type { DemoData } from './demo-data';
import type { Post } from './demo-seeder';

/**
 * The demo compliance year in each province: the regulator allocates (grandfathering on the
 * baseline), each firm reports emissions within ±5 % of its baseline and the verifier confirms
 * them. Fixed command ids: a restart on the same data changes nothing.
 */
export async function seedDemoCompliance(demo: DemoData, post: Post): Promise<void> {
  const { year, capFactorBp, freeFactorBp, auctionShareBp, governmentReserveBp, newEntrantReserveBp } =
    demo.compliance;
  const check = async (what: string, call: Promise<{ status: number; body: unknown }>) => {
    const { status, body } = await call;
    if (status >= 300) throw new Error(`demo: ${what} answered ${status} ${JSON.stringify(body)}`);
  };
  for (const regulator of demo.regulators) {
    const firms = demo.enterprises.filter((e) => e.jurisdiction === regulator.jurisdiction);
    const baseline = firms.reduce((sum, f) => sum + f.baselineEmissions, 0);
    await check(
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
