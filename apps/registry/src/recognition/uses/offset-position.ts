import { INSTRUMENTS } from '@app/domain';
import { journalEvents, rangeSize } from '@app/ledger';
import { RecognitionError, type OffsetPosition, type RecognitionState } from '@app/recognition';
import { reportKey } from '../../shared/registry-records';
import type { LoadedRegistry } from '../../shared/registry-state';
import { recognisedSurrendered } from './recognised-units';

/** Free allowances of vintage `year` the account was allocated (its true-up's final entitlement when trued up). */
function freeAllocation(registry: LoadedRegistry, accountId: string, year: number): number {
  const { records, ledger } = registry;
  let total = 0;
  for (const a of Object.values(records.allocations)) {
    if (a.kind !== 'CARBON_ALLOWANCE' || a.vintage !== year) continue;
    const trueUp = Object.values(records.trueUps).find(
      (t) => t.allocationCommandId === a.allocationCommandId && t.accountId === accountId,
    );
    if (trueUp) {
      total += trueUp.finalEntitlement;
      continue;
    }
    const prefix = `${a.allocationCommandId}:to:`;
    for (const e of journalEvents(ledger))
      if (e.type === 'UnitsTransferred' && e.to === accountId && e.commandId.startsWith(prefix))
        total += e.quantity;
  }
  return total;
}

/**
 * The holder's offset position for the year in this registry: verified emissions (required: the limits are
 * shares of them), the free allocation, and the credits already surrendered — local ones (issued here, not
 * recognised) and recognised ones.
 */
export function offsetPosition(
  jurisdiction: string,
  registry: LoadedRegistry,
  sagas: RecognitionState,
  accountId: string,
  year: number,
): OffsetPosition {
  const report = Object.values(registry.records.reports).find(
    (r) => r.accountId === accountId && r.complianceYear === year,
  );
  const verified = report && registry.records.verifications[reportKey(report.firmId, year)];
  if (!verified)
    throw new RecognitionError(
      'RECOGNITION.NOT_VERIFIED',
      `${accountId} has no verified emissions for ${year}: the offset limit is a share of them`,
      { field: 'complianceYear' },
    );
  const recognised = recognisedSurrendered(sagas, jurisdiction, registry.ledger, accountId, year);
  let credits = 0;
  for (const e of journalEvents(registry.ledger))
    if (e.type === 'UnitsSurrendered' && e.from === accountId && e.complianceYear === year)
      for (const r of e.ranges) {
        const block = registry.ledger.blocks[r.blockId];
        if (block && INSTRUMENTS[block.kind].isCredit) credits += rangeSize(r);
      }
  return {
    verifiedEmissions: verified.verifiedEmissions,
    unitsDue: verified.verifiedEmissions,
    allocation: freeAllocation(registry, accountId, year),
    localOffsetsUsed: credits - recognised,
    recognisedOffsetsUsed: recognised,
  };
}
