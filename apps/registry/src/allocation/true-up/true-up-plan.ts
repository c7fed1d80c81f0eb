import { benchmarkAllocation, trueUp } from '@app/allocation';
import type { InstrumentKind } from '@app/domain';
import { balanceOf, journalEvents, type LedgerCommand, type LedgerState } from '@app/ledger';
import { REGISTRY_ERRORS, RegistryError } from '../../shared/registry-errors';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import { trueUpKey, type RegistryRecords, type TrueUpApplied } from '../../shared/registry-records';
import { systemAccountId } from '../../shared/system-accounts';
import { deducted } from '../allocate-units/penalty-deductions';
import type { TrueUpTableDto } from './true-up.dto';

export interface TrueUpRow {
  readonly firmId: string;
  readonly accountId: string;
  readonly preAllocated: number;
  readonly finalEntitlement: number;
  readonly adjustment: number;
  readonly direction: 'issue' | 'return' | 'none';
}

export interface TrueUpPreview {
  readonly allocationCommandId: string;
  readonly kind: InstrumentKind;
  readonly vintage: number;
  readonly rows: readonly TrueUpRow[];
  readonly toIssue: number;
  readonly toReturn: number;
}

/** What the allocation did: the block it issued, and each firm's pre-allocation transfer. */
function allocationFacts(ledger: LedgerState, allocationCommandId: string) {
  const events = journalEvents(ledger).filter((e) => e.commandId.startsWith(`${allocationCommandId}:`));
  const issued = events.find(
    (e) => e.type === 'UnitsIssued' && e.commandId === `${allocationCommandId}:issue`,
  );
  if (issued?.type !== 'UnitsIssued')
    throw new RegistryError(REGISTRY_ERRORS.UNKNOWN_ALLOCATION, `no allocation ${allocationCommandId}`, {
      field: 'allocationCommandId',
    });
  const transfers = new Map<string, { accountId: string; quantity: number }>();
  const prefix = `${allocationCommandId}:to:`;
  for (const e of events)
    if (e.type === 'UnitsTransferred' && e.commandId.startsWith(prefix))
      transfers.set(e.commandId.slice(prefix.length), { accountId: e.to, quantity: e.quantity });
  return { block: issued.block, transfers };
}

/**
 * Final benchmark allocation (verified output × benchmark) minus what was pre-allocated: issued
 * from the government account (the cap issued at allocation, so the total never exceeds it) or
 * clawed back into it. Pure; shared by the preview and the command.
 */
export function previewTrueUp(
  jurisdiction: RegistryJurisdiction,
  ledger: LedgerState,
  records: RegistryRecords,
  table: TrueUpTableDto,
): TrueUpPreview {
  const { block, transfers } = allocationFacts(ledger, table.allocationCommandId);
  const issued = records.allocations[table.allocationCommandId];
  const seen = new Set<string>();
  const rows = table.firms.map((firm, i) => {
    if (seen.has(firm.firmId))
      throw new RegistryError(REGISTRY_ERRORS.BAD_TRUE_UP, `firm ${firm.firmId} listed twice`, {
        field: `firms.${i}.firmId`,
      });
    seen.add(firm.firmId);
    // A penalty deduction counts as pre-allocated, so the true-up does not hand it back.
    const cut = deducted(issued, firm.firmId);
    const received = transfers.get(firm.firmId);
    const pre =
      received || cut > 0
        ? { accountId: received?.accountId ?? firm.firmId, quantity: (received?.quantity ?? 0) + cut }
        : undefined;
    if (!pre)
      throw new RegistryError(
        REGISTRY_ERRORS.UNKNOWN_ALLOCATION,
        `${firm.firmId} received nothing in ${table.allocationCommandId}`,
        { field: `firms.${i}.firmId` },
      );
    const final = benchmarkAllocation(firm.lines, table.rounding ?? 'half-up');
    const t = trueUp(final, pre.quantity);
    return {
      firmId: firm.firmId,
      accountId: pre.accountId,
      preAllocated: t.preAllocated,
      finalEntitlement: t.finalEntitlement,
      adjustment: t.adjustment,
      direction: t.direction,
    };
  });
  return {
    allocationCommandId: table.allocationCommandId,
    kind: block.kind,
    vintage: block.vintage,
    rows,
    toIssue: rows.reduce((s, r) => s + Math.max(0, r.adjustment), 0),
    toReturn: rows.reduce((s, r) => s + Math.max(0, -r.adjustment), 0),
  };
}

/** Units of the allocation's kind and vintage still in the government account (the cap not handed out). */
export const governmentHolds = (
  jurisdiction: RegistryJurisdiction,
  ledger: LedgerState,
  preview: TrueUpPreview,
): number =>
  balanceOf(ledger, systemAccountId(jurisdiction, 'GOVERNMENT'), {
    jurisdiction,
    kind: preview.kind,
    vintage: preview.vintage,
    lock: 'unlocked',
  });

/** Records and unit moves of a true-up; a firm is trued up once per allocation. */
export function trueUpWork(
  jurisdiction: RegistryJurisdiction,
  commandId: string,
  preview: TrueUpPreview,
  records: RegistryRecords,
): { records: TrueUpApplied[]; commands: LedgerCommand[] } {
  const government = systemAccountId(jurisdiction, 'GOVERNMENT');
  const take = (quantity: number) =>
    ({ by: 'quantity', quantity, jurisdiction, kind: preview.kind, vintage: preview.vintage }) as const;
  const applied: TrueUpApplied[] = [];
  const commands: LedgerCommand[] = [];
  for (const row of preview.rows) {
    const earlier = records.trueUps[trueUpKey(preview.allocationCommandId, row.firmId)];
    const subId = `${commandId}:true-up:${row.firmId}`;
    if (earlier && earlier.commandId !== subId)
      throw new RegistryError(
        REGISTRY_ERRORS.DUPLICATE_TRUE_UP,
        `${row.firmId} was already trued up for ${preview.allocationCommandId}`,
        { field: 'firms', firmId: row.firmId },
      );
    applied.push({
      type: 'TrueUpApplied',
      commandId: subId,
      allocationCommandId: preview.allocationCommandId,
      firmId: row.firmId,
      accountId: row.accountId,
      kind: preview.kind,
      vintage: preview.vintage,
      preAllocated: row.preAllocated,
      finalEntitlement: row.finalEntitlement,
      adjustment: row.adjustment,
    });
    if (row.adjustment > 0)
      commands.push({
        type: 'TransferUnits',
        commandId: `${subId}:issue`,
        from: government,
        to: row.accountId,
        selection: take(row.adjustment),
      });
    if (row.adjustment < 0)
      commands.push({
        type: 'TransferUnits',
        commandId: `${subId}:return`,
        from: row.accountId,
        to: government,
        selection: take(-row.adjustment),
      });
  }
  return { records: applied, commands };
}
