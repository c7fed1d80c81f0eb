import { DomainError } from '@app/domain';
import type { IssueUnits } from '@app/ledger';
import {
  creditsFromActivity,
  INCLUSION_ERRORS,
  METHODOLOGIES,
  methodologyById,
  type Methodology,
} from '@app/recognition';
import type { PlannedWork } from '../../shared/decide-registry';
import type { RegistryJurisdiction } from '../../shared/registry-jurisdiction';
import type { LoadedRegistry } from '../../shared/registry-state';
import { sameJson, storedRecordOf } from '../../shared/stored-record';
import { carryKey, type CarbonInclusionIssued, type CreditedActivity } from '../carbon-inclusion-records';
import { CARBON_INCLUSION_APP_ERRORS as ERRORS } from '../carbon-inclusion-errors';
import { outsideWindow } from '../crediting-window';
import type { ActivityRecordDto, IssueInclusionCreditsDto } from './issue-inclusion-credits.dto';
import { ownValue } from '../../shared/own-value';

export interface RecordProblem {
  readonly field: string;
  readonly code: string;
  readonly reason: string;
}

const askOf = (holderAccountId: string, issuanceId: string, records: readonly ActivityRecordDto[]) => ({
  holderAccountId,
  issuanceId,
  records: records.map(({ recordId, methodologyId, quantity, periodStart, periodEnd }) => ({
    recordId,
    methodologyId,
    quantity,
    periodStart,
    periodEnd,
  })),
});

/**
 * A batch is credited whole or not at all: every record is checked (methodology, province, values,
 * window, not credited before), and one problem refuses the batch with every problem listed. Credits
 * per record = the methodology's whole tonnes with the holder's carried remainder (`@app/recognition`);
 * one serial block per methodology and vintage (year of the period's end), project id = methodology.
 */
export function planInclusionIssuance(
  registry: LoadedRegistry,
  jurisdiction: RegistryJurisdiction,
  body: IssueInclusionCreditsDto,
  asOf: string,
): PlannedWork {
  const ask = askOf(body.holderAccountId, body.issuanceId, body.records);
  const stored = storedRecordOf<CarbonInclusionIssued>(
    registry,
    body.commandId,
    'CarbonInclusionIssued',
    (s) => sameJson(askOf(s.holderAccountId, s.issuanceId, s.records), ask),
  );
  if (stored) return { records: [stored] };
  const book = registry.records.carbonInclusion;
  if (ownValue(book.issuances, body.issuanceId))
    throw new DomainError(ERRORS.DUPLICATE_ISSUANCE, `issuance ${body.issuanceId} exists`, {
      field: 'issuanceId',
    });
  const holder = ownValue(registry.ledger.accounts, body.holderAccountId);
  if (holder?.accountType !== 'ENTERPRISE_HOLDING')
    throw new DomainError(
      ERRORS.UNKNOWN_HOLDER,
      `no holding account ${body.holderAccountId} in ${jurisdiction}`,
      { field: 'holderAccountId' },
    );

  const problems: RecordProblem[] = [];
  const credited: CreditedActivity[] = [];
  const carries = new Map<string, number>();
  const seen = new Set<string>();
  body.records.forEach((record, i) => {
    const at = (field: string) => `records[${i}].${field}`;
    const problem = checkRecord(record, jurisdiction, book.creditedRecords, seen);
    seen.add(record.recordId);
    if (problem) return void problems.push({ ...problem, field: at(problem.field) });
    const methodology = methodologyById(record.methodologyId);
    const key = carryKey(body.holderAccountId, methodology.id);
    const carryIn = carries.get(key) ?? book.carries[key] ?? 0;
    try {
      const result = creditsFromActivity(
        methodology,
        { ...record, province: jurisdiction, asOf },
        { methodologyId: methodology.id, num: carryIn },
      );
      carries.set(key, result.carry.num);
      credited.push({
        recordId: record.recordId,
        methodologyId: methodology.id,
        quantity: record.quantity,
        periodStart: record.periodStart,
        periodEnd: record.periodEnd,
        vintage: Number(record.periodEnd.slice(0, 4)),
        credits: result.credits,
        carryIn,
        carryOut: result.carry.num,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const field = typeof error.details.field === 'string' ? error.details.field : 'quantity';
      const reason = error.message.startsWith(`${error.code}: `)
        ? error.message.slice(error.code.length + 2)
        : error.message;
      problems.push({ field: at(field), code: error.code, reason });
    }
  });
  if (problems.length > 0) throw batchRefused(problems, body.records.length);

  const record: CarbonInclusionIssued = {
    type: 'CarbonInclusionIssued',
    commandId: body.commandId,
    issuanceId: body.issuanceId,
    holderAccountId: body.holderAccountId,
    asOf,
    records: credited,
    credits: credited.reduce((sum, r) => sum + r.credits, 0),
  };
  return { records: [record], commands: blocksOf(credited, body, jurisdiction) };
}

function checkRecord(
  record: ActivityRecordDto,
  jurisdiction: RegistryJurisdiction,
  creditedRecords: Readonly<Record<string, string>>,
  seenInBatch: ReadonlySet<string>,
): RecordProblem | undefined {
  const credited = ownValue(creditedRecords, record.recordId);
  if (credited !== undefined)
    return {
      field: 'recordId',
      code: ERRORS.DUPLICATE_RECORD,
      reason: `${record.recordId} was credited by issuance ${credited}`,
    };
  if (seenInBatch.has(record.recordId))
    return {
      field: 'recordId',
      code: ERRORS.DUPLICATE_RECORD,
      reason: `${record.recordId} twice in the batch`,
    };
  const methodology = METHODOLOGIES.find((m) => m.id === record.methodologyId);
  if (!methodology)
    return {
      field: 'methodologyId',
      code: INCLUSION_ERRORS.UNKNOWN_METHODOLOGY,
      reason: `unknown methodology ${record.methodologyId}`,
    };
  if (methodology.province !== jurisdiction)
    return {
      field: 'methodologyId',
      code: INCLUSION_ERRORS.WRONG_PROVINCE,
      reason: `${methodology.id} credits activity in ${methodology.province}, not ${jurisdiction}`,
    };
  if (record.quantity === 0)
    return { field: 'quantity', code: ERRORS.NOT_POSITIVE, reason: 'quantity must be > 0' };
  const window = outsideWindow(jurisdiction, record.periodStart, record.periodEnd);
  return window && { ...window, code: ERRORS.OUTSIDE_WINDOW };
}

function batchRefused(problems: readonly RecordProblem[], total: number): DomainError {
  const [first] = problems as [RecordProblem];
  const list = problems.map((p) => `${p.field}: ${p.reason}`).join('; ');
  return new DomainError(
    first.code,
    `${problems.length} of ${total} records refused, nothing issued — ${list}`,
    { field: first.field, problems },
  );
}

/** One IssueUnits per methodology and vintage with credits, in first-seen order. */
function blocksOf(
  credited: readonly CreditedActivity[],
  body: IssueInclusionCreditsDto,
  jurisdiction: RegistryJurisdiction,
): IssueUnits[] {
  const totals = new Map<string, { methodology: Methodology; vintage: number; credits: number }>();
  for (const r of credited) {
    const key = `${r.methodologyId}:${r.vintage}`;
    const methodology = methodologyById(r.methodologyId);
    const t = totals.get(key) ?? { methodology, vintage: r.vintage, credits: 0 };
    totals.set(key, { ...t, credits: t.credits + r.credits });
  }
  return [...totals.entries()]
    .filter(([, t]) => t.credits > 0)
    .map(([key, t]) => ({
      type: 'IssueUnits',
      commandId: `${body.commandId}:${key}`,
      accountId: body.holderAccountId,
      jurisdiction,
      kind: t.methodology.creditKind,
      vintage: t.vintage,
      projectId: t.methodology.id,
      quantity: t.credits,
    }));
}
