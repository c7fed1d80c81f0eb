import { InMemoryRegistry } from '../shared/in-memory-registry';
import type { RegistryJurisdiction } from '../shared/registry-jurisdiction';
import { serialHistoryIn } from '../serials/get-serial-history/serial-history.view';
import { decisionBody, givenTwoProvinces, requestBody, testClock } from './cross-province-fixture';
import { CrossProvinceTransfers } from './cross-province-transfers';
import { crossProvinceProvenance } from './serial-provenance';

describe('serial provenance of a cross-province transfer spanning two origin blocks', () => {
  it('maps each unit to its counterpart serial, both ways', async () => {
    const registry = new InMemoryRegistry();
    await givenTwoProvinces(registry); // CQ SO2 1–100, water 101–150, allowances 151–650; SC SO2 1–30
    await registry.execute({ jurisdiction: 'CQ', commandId: 'so2-more', actor: 'given' }, () => [
      {
        type: 'IssueUnits',
        commandId: 'so2-more',
        accountId: 'cq-chem-01',
        jurisdiction: 'CQ',
        kind: 'POLLUTANT_SO2',
        vintage: 2025,
        quantity: 10,
      },
    ]);
    const transfers = new CrossProvinceTransfers(registry, testClock());
    await transfers.request(requestBody({ quantity: 105 })); // CQ 1–100 and 651–655
    await transfers.decide('xp-1', 'outflow', decisionBody('o', 'CQ-EEB'));
    await transfers.decide('xp-1', 'inflow', decisionBody('i', 'SC-DEE'));
    const registries = { CQ: await registry.load('CQ'), SC: await registry.load('SC') };
    const provenance = (j: RegistryJurisdiction, serial: string) => {
      const found = serialHistoryIn(j, registries[j].ledger, serial, Number(serial.slice(-12)));
      return found && crossProvinceProvenance(found, registries);
    };
    expect(provenance('CQ', 'CQ-POLLUTANT_SO2-2025-000000000653')).toEqual({
      transferId: 'xp-1',
      transferredTo: 'SC-POLLUTANT_SO2-2025-000000000133',
    });
    expect(provenance('SC', 'SC-POLLUTANT_SO2-2025-000000000132')).toEqual({
      transferId: 'xp-1',
      arrivedFrom: 'CQ-POLLUTANT_SO2-2025-000000000652',
    });
    expect(provenance('SC', 'SC-POLLUTANT_SO2-2025-000000000031')).toMatchObject({
      arrivedFrom: 'CQ-POLLUTANT_SO2-2025-000000000001',
    });
    expect(provenance('CQ', 'CQ-POLLUTANT_SO2-2025-000000000656')).toBeUndefined(); // not transferred
    expect(provenance('SC', 'SC-POLLUTANT_SO2-2025-000000000030')).toBeUndefined(); // Sichuan's own
  });
});
