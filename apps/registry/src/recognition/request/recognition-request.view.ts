import { pieceAt, type LedgerState } from '@app/ledger';
import { nextSagaStep, type RecognitionEvent, type SagaState, type SerialRange } from '@app/recognition';
import type { StoredEvent } from '@app/event-store';
import { rangeView, type SerialRangeView } from '../../shared/serial-text';

/** One saga step as it happened: when (injected clock), who, under which command id, and what it recorded. */
export interface RecognitionStepView {
  readonly step: RecognitionEvent['type'];
  readonly at: string;
  readonly actor: string;
  readonly commandId: string;
  readonly event: RecognitionEvent;
}

/** Where a range's first unit is now in its registry (account and lock), e.g. `SC-CANCELLATION` once recognised. */
export interface RangeLocation extends SerialRangeView {
  readonly registry: string;
  readonly accountId: string;
}

export interface RecognitionRequestView {
  readonly requestId: string;
  readonly status: SagaState['status'];
  readonly holderId: string;
  readonly origin: string;
  readonly destination: string;
  readonly kind: string;
  readonly vintage: number;
  readonly projectId?: string;
  readonly projectType: string;
  readonly use: string;
  readonly year: number;
  readonly requestedAt: string;
  readonly agreementVersion?: string;
  readonly ruleId?: string;
  readonly originQuantity: number;
  readonly destinationQuantity: number;
  /** The origin serials (provenance), and where they are now. */
  readonly originSerials?: RangeLocation;
  /** The recognised units the destination issued for them, once issued. */
  readonly destinationSerials?: RangeLocation;
  /** Why it failed (REJECTED_BY_ORIGIN, REJECTED_BY_DESTINATION, TIMED_OUT). */
  readonly failure?: string;
  /** The registry's refusal or the timeout, in words. */
  readonly failureDetail?: string;
  /** The next step the worker will take (none once completed or compensated). */
  readonly nextStep?: string;
  readonly steps: readonly RecognitionStepView[];
}

function locate(registry: string, ledger: LedgerState, range: SerialRange): RangeLocation | undefined {
  const piece = pieceAt(ledger, range.start);
  const block = piece && ledger.blocks[piece.blockId];
  if (!piece || !block) return undefined;
  return { registry, accountId: piece.accountId, ...rangeView(block, { ...range, lockId: piece.lockId }) };
}

export function recognitionRequestView(
  saga: SagaState,
  events: readonly StoredEvent[],
  ledgers: Readonly<Record<string, LedgerState>>,
): RecognitionRequestView {
  const { request } = saga;
  const next = nextSagaStep(saga);
  const failed = saga.applied.RecognitionFailed;
  const originSerials = locate(request.origin, ledgers[request.origin]!, request.range);
  const destinationSerials =
    saga.destinationRange &&
    locate(request.destination, ledgers[request.destination]!, saga.destinationRange);
  return {
    requestId: saga.requestId,
    status: saga.status,
    holderId: request.holderId,
    origin: request.origin,
    destination: request.destination,
    kind: request.kind,
    vintage: request.vintage,
    ...(request.projectId !== undefined ? { projectId: request.projectId } : {}),
    projectType: request.projectType,
    use: request.use,
    year: request.year,
    requestedAt: new Date(request.requestedAtMs).toISOString(),
    ...(saga.agreementVersion ? { agreementVersion: saga.agreementVersion, ruleId: saga.ruleId } : {}),
    originQuantity: saga.originQuantity,
    destinationQuantity: saga.destinationQuantity,
    ...(originSerials ? { originSerials } : {}),
    ...(destinationSerials ? { destinationSerials } : {}),
    ...(saga.failure ? { failure: saga.failure } : {}),
    ...(failed?.type === 'RecognitionFailed' && failed.detail ? { failureDetail: failed.detail } : {}),
    ...(next ? { nextStep: next } : {}),
    steps: events
      .filter((e) => (e.data as RecognitionEvent).requestId === saga.requestId)
      .map((e) => ({
        step: e.type as RecognitionEvent['type'],
        at: new Date(
          typeof e.metadata.at === 'number' ? e.metadata.at : e.recordedAt.getTime(),
        ).toISOString(),
        actor: String(e.metadata.actor ?? ''),
        commandId: String(e.metadata.commandId ?? ''),
        event: e.data as RecognitionEvent,
      })),
  };
}
