import type { RegistryPort } from '../shared/registry-streams';
import { given } from '../shared/registry-fixture';

export const T0 = Date.UTC(2026, 2, 2, 1, 0);

/** A clock the test moves. */
export const testClock = (start = T0) => {
  let now = start;
  return { now: () => now, advanceHours: (h: number) => void (now += h * 3_600_000) };
};

/**
 * Chongqing chemical plant with 100 t SO2 of 2025 (serials 1–100) and 50 m³ water; Sichuan paper mill
 * (buyer) and a Sichuan firm holding 30 t SO2; a Chongqing steelworks holding allowances.
 */
export async function givenTwoProvinces(registry: RegistryPort): Promise<void> {
  await given(registry, 'CQ', { accounts: ['cq-chem-01', 'cq-steel-02'] });
  await given(registry, 'SC', { accounts: ['sc-paper-02', 'sc-smelter-03'] });
  const issue = (j: 'CQ' | 'SC', accountId: string, kind: string, quantity: number, id: string) =>
    registry.execute({ jurisdiction: j, commandId: id, actor: 'given' }, () => [
      {
        type: 'IssueUnits',
        commandId: id,
        accountId,
        jurisdiction: j,
        kind: kind as 'POLLUTANT_SO2',
        vintage: 2025,
        quantity,
      },
    ]);
  await issue('CQ', 'cq-chem-01', 'POLLUTANT_SO2', 100, 'given-so2');
  await issue('CQ', 'cq-chem-01', 'WATER_USE', 50, 'given-water');
  await issue('CQ', 'cq-steel-02', 'CARBON_ALLOWANCE', 500, 'given-allowances');
  await issue('SC', 'sc-smelter-03', 'POLLUTANT_SO2', 30, 'given-sc-so2');
}

export const requestBody = (over: Record<string, unknown> = {}) =>
  ({
    commandId: 'req-1',
    actor: 'cq-chem-01',
    transferId: 'xp-1',
    from: 'CQ',
    sellerAccountId: 'cq-chem-01',
    to: 'SC',
    buyerAccountId: 'sc-paper-02',
    kind: 'POLLUTANT_SO2',
    vintage: 2025,
    quantity: 40,
    priceFen: 2_100_000,
    ...over,
  }) as never;

export const decisionBody = (commandId: string, regulator: string, over: Record<string, unknown> = {}) =>
  ({ commandId, actor: `regulator:${regulator}`, regulator, decision: 'approve', ...over }) as never;
