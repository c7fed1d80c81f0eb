import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { previewAllocation, type AllocationPreview } from '@app/allocation';
import { mapGet, mulDiv, type InstrumentKind } from '@app/domain';
import type { LedgerCommand, LedgerState, UnitSelection } from '@app/ledger';
import { REGISTRY_ERRORS, RegistryError } from '../../shared/registry-errors';
import type {
  AllocationCharged,
  AllocationIssued,
  RegistryRecords,
  RuleVersionPublished,
} from '../../shared/registry-records';
import { commandResult } from '../../shared/command-result';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { systemAccountId } from '../../shared/system-accounts';
import { allocationInput } from '../shared/allocation-rules.dto';
import { penaltyDeductions } from './penalty-deductions';
import { AllocateUnits } from './allocate-units.command';
import { firmAllocations, type AllocationView } from './allocation.view';

export interface AllocationPlan {
  readonly preview: AllocationPreview;
  readonly commands: LedgerCommand[];
  /** Paid allocation: what each firm owes for the units handed to it now. */
  readonly charge?: AllocationCharged;
  /** The pools, recorded for new-entrant draws (absent when retrying an allocation made before the record existed). */
  readonly issued?: AllocationIssued;
  /** Sub-command id of each firm's transfer → the firm and its account. */
  readonly firmCommands: Map<string, { firmId: string; accountId: string }>;
}

/**
 * The cap is issued to the government account as one block; the auction pool moves to the
 * auction account; each firm receives its pre-allocated share (all of it unless a pre-allocation
 * share is set; the rest comes after verification). Reserves and anything unallocated stay with
 * the government. Sub-command ids derive from the command id, so a retry is recognised whole.
 */
export function planAllocation(
  { jurisdiction, body }: AllocateUnits,
  records: RegistryRecords,
  processed: LedgerState['processed'],
): AllocationPlan {
  const { rules, firms } = allocationInput(body, records.ruleVersions);
  if (body.ruleVersionId !== undefined) inForce(records.ruleVersions[body.ruleVersionId], body.vintage);
  const preview = previewAllocation(rules, firms);
  const kind = body.kind ?? 'CARBON_ALLOWANCE';
  const government = systemAccountId(jurisdiction, 'GOVERNMENT');
  const take = (quantity: number): UnitSelection => ({
    by: 'quantity',
    quantity,
    jurisdiction,
    kind,
    vintage: body.vintage,
  });
  const id = body.commandId;
  const commands: LedgerCommand[] = [];
  const firmCommands = new Map<string, { firmId: string; accountId: string }>();
  if (preview.cap > 0)
    commands.push({
      type: 'IssueUnits',
      commandId: `${id}:issue`,
      accountId: government,
      jurisdiction,
      kind,
      vintage: body.vintage,
      ...(body.validThrough !== undefined ? { validThrough: body.validThrough } : {}),
      quantity: preview.cap,
    });
  if (preview.auction > 0)
    commands.push({
      type: 'TransferUnits',
      commandId: `${id}:auction-pool`,
      from: government,
      to: systemAccountId(jurisdiction, 'AUCTION'),
      selection: take(preview.auction),
    });
  const accountOf = new Map(body.firms.map((f) => [f.firmId, f.accountId ?? f.firmId]));
  const owed = penaltyDeductions(
    records,
    id,
    body.vintage,
    kind === 'CARBON_ALLOWANCE' && body.applyPenaltyDeductions !== false,
  );
  const deductions: Record<string, number> = {};
  for (const row of preview.rows) {
    const cut = Math.min(owed[row.firmId] ?? 0, row.preAllocated);
    if (cut > 0) deductions[row.firmId] = cut;
    if (row.preAllocated - cut === 0) continue;
    const commandId = `${id}:to:${row.firmId}`;
    const accountId = accountOf.get(row.firmId) ?? row.firmId;
    firmCommands.set(commandId, { firmId: row.firmId, accountId });
    commands.push({
      type: 'TransferUnits',
      commandId,
      from: government,
      to: accountId,
      selection: take(row.preAllocated - cut),
    });
  }
  const versionPricing = body.ruleVersionId
    ? (records.ruleVersions[body.ruleVersionId]?.rules['pricing'] as AllocateUnits['body']['pricing'])
    : undefined;
  const charge = chargeOf(body, body.pricing ?? versionPricing, kind, preview);
  const issued: AllocationIssued = {
    type: 'AllocationIssued',
    commandId: `${id}:issued`,
    allocationCommandId: id,
    kind,
    vintage: body.vintage,
    cap: preview.cap,
    auction: preview.auction,
    newEntrantReserve: preview.newEntrantReserve,
    governmentReserve: preview.governmentReserve,
    totalAllocated: preview.totalAllocated,
    ...(Object.keys(deductions).length > 0 ? { deductions } : {}),
  };
  const legacy = mapGet(processed, `${id}:issue`) !== undefined && !records.byCommand[issued.commandId];
  return { preview, commands, firmCommands, ...(charge ? { charge } : {}), ...(legacy ? {} : { issued }) };
}

/** A rule version applies to the vintages of the years it is valid in. */
function inForce(version: RuleVersionPublished | undefined, vintage: number): void {
  if (!version) return;
  const [from, to] = [Number(version.validFrom.slice(0, 4)), Number(version.validTo.slice(0, 4))];
  if (vintage < from || vintage > to)
    throw new RegistryError(
      REGISTRY_ERRORS.BAD_RULE_VERSION,
      `rule version ${version.ruleVersionId} is valid ${version.validFrom}..${version.validTo}, not for vintage ${vintage}`,
      { field: 'vintage' },
    );
}

function chargeOf(
  body: AllocateUnits['body'],
  pricing: AllocateUnits['body']['pricing'],
  kind: InstrumentKind,
  preview: AllocationPreview,
): AllocationCharged | undefined {
  const price = pricing?.mode === 'paid' ? pricing.benchmarkPriceFen : undefined;
  if (price === undefined) return undefined;
  const charges = preview.rows
    .filter((r) => r.preAllocated > 0)
    .map((r) => ({
      firmId: r.firmId,
      quantity: r.preAllocated,
      amountFen: mulDiv(r.preAllocated, price, 1, 'trunc'),
    }));
  return {
    type: 'AllocationCharged',
    commandId: `${body.commandId}:charge`,
    kind,
    vintage: body.vintage,
    priceFen: price,
    priceSource: pricing?.priceSource ?? 'given by the regulator',
    charges,
    totalFen: charges.reduce((s, c) => s + c.amountFen, 0),
  };
}

@CommandHandler(AllocateUnits)
export class AllocateUnitsHandler implements ICommandHandler<AllocateUnits> {
  constructor(@Inject(REGISTRY_PORT) private readonly registry: RegistryPort) {}

  async execute(command: AllocateUnits): Promise<AllocationView> {
    const { jurisdiction, body } = command;
    let planned: AllocationPlan | undefined;
    const outcome = await this.registry.execute(
      { jurisdiction, commandId: body.commandId, actor: body.actor },
      (r) => {
        planned = planAllocation(command, r.records, r.ledger.processed);
        const records = [planned.issued, planned.charge].filter((x) => x !== undefined);
        return { commands: planned.commands, records };
      },
    );
    const plan = planned as AllocationPlan;
    return {
      ...commandResult(body.commandId, jurisdiction, outcome),
      preview: plan.preview,
      ...(plan.charge ? { charge: plan.charge } : {}),
      firms: firmAllocations(outcome.registry.ledger, outcome.events, plan.firmCommands),
    };
  }
}
