import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  marketDayOf,
  REJECTION,
  RecognitionError,
  requestRecognition,
  requireCreditsCross,
  requireAgreementInForce,
  type RecognitionRequest,
  type RecognitionRulesEvent,
  type RejectionReason,
  type SagaState,
} from '@app/recognition';
import { commandPrincipal } from '@app/contracts';
import { assertAuthorized, type Principal } from '@app/domain';
import { MarketModeLog } from '../../../../gateway/src/market-mode/market-mode-log';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { principalActingAs } from '../../shared/request-principal';
import { RECOGNITION_CLOCK, type Clock } from '../recognition-clock';
import { RecognitionStore } from '../recognition-store';
import { originBlockOf, registryHolds } from './origin-range';
import { RecognitionRequests } from './recognition-requests';
import type { RecognitionRequestView } from './recognition-request.view';
import { RequestRecognition } from './request-recognition.command';

/** The request field each refusal is about, so the 422 names it. */
const FIELD_OF: Record<RejectionReason, string> = {
  [REJECTION.SAME_JURISDICTION]: 'destination',
  [REJECTION.KIND_EXCLUDED]: 'serialStart',
  [REJECTION.VINTAGE_EXCLUDED]: 'serialStart',
  [REJECTION.PROJECT_TYPE_EXCLUDED]: 'projectType',
  [REJECTION.USE_NOT_ALLOWED]: 'use',
  [REJECTION.QUOTA_EXCEEDED]: 'serialEnd',
  [REJECTION.SERIALS_LOCKED]: 'serialStart',
  [REJECTION.SERIALS_CANCELLED]: 'serialStart',
  [REJECTION.SERIALS_RECOGNISED]: 'serialStart',
  [REJECTION.BAD_RANGE]: 'serialEnd',
  [REJECTION.CONVERSION_NOT_WHOLE]: 'serialEnd',
};

/**
 * A holder's request: refused (422 RECOGNITION.MARKETS_SEPARATE) unless the regulators' market mode in
 * force that market day is recognition-only or linked, then checked against the agreement in force today (injected clock), the sagas' claims and
 * quotas, and what the origin registry itself holds on the range. Accepted: `RecognitionRequested` and the
 * first step's message commit together, and the worker takes it from there. Refused: 422
 * `RECOGNITION.REQUEST_REJECTED` with every reason, and nothing is written (no registry, no saga event).
 */
@CommandHandler(RequestRecognition)
export class RequestRecognitionHandler implements ICommandHandler<RequestRecognition> {
  constructor(
    private readonly store: RecognitionStore,
    private readonly requests: RecognitionRequests,
    @Inject(REGISTRY_PORT) private readonly registry: RegistryPort,
    @Inject(RECOGNITION_CLOCK) private readonly clock: Clock,
    private readonly marketModes: MarketModeLog,
  ) {}

  async execute({ body }: RequestRecognition): Promise<RecognitionRequestView> {
    // Checked again here, whoever dispatched the command: the holder must be the principal's (or its
    // regulator's province the origin). The saga's steps in the holder's name check against it too.
    const principal = principalActingAs(body.actor);
    if (principal)
      assertAuthorized(principal, 'registry.hold', [{ owners: [body.holderId], jurisdiction: body.origin }]);
    const requestedBy = commandPrincipal(principal);
    const now = this.clock.now();
    const today = new Date(now).toISOString().slice(0, 10);
    const range = { start: body.serialStart, end: body.serialEnd };
    const originLedger = (await this.registry.load(body.origin)).ledger;
    const block = originBlockOf(originLedger, range);
    const holds = registryHolds(originLedger, range);
    await this.record(body.actor, requestedBy, today, now, holds, (existing) => ({
      requestId: body.requestId,
      holderId: body.holderId,
      origin: body.origin,
      destination: body.destination,
      kind: block.kind,
      vintage: block.vintage,
      projectType: body.projectType,
      ...(block.projectId !== undefined ? { projectId: block.projectId } : {}),
      range,
      use: body.use,
      // A retry keeps the first request's clock readings, so it is the same request.
      year: existing?.request.year ?? Number(today.slice(0, 4)),
      requestedAtMs: existing?.request.requestedAtMs ?? now,
    }));
    return this.requests.view(body.requestId);
  }

  private async record(
    actor: string,
    requestedBy: Principal | undefined,
    today: string,
    now: number,
    holds: ReturnType<typeof registryHolds>,
    requestOf: (existing: SagaState | undefined) => RecognitionRequest,
  ): Promise<SagaState> {
    return this.store.transaction(async (manager) => {
      const rules = await this.store.loadRules(manager);
      const agreement = requireAgreementInForce(
        rules.events.map((e) => e.data as RecognitionRulesEvent),
        today,
      );
      const loaded = await this.store.loadSagas(manager);
      const existing = loaded.state.sagas[requestOf(undefined).requestId];
      // Credits cross only under recognition-only or linked markets (both regulators' decision in force
      // that market day); a retry of a request accepted before answers it whatever the mode now.
      if (!existing) requireCreditsCross((await this.marketModes.read(manager)).state, marketDayOf(now));
      const request = requestOf(existing);
      const events = requestRecognition(agreement, loaded.state, request, holds).map((e) =>
        e.type === 'RecognitionRequested' && requestedBy ? { ...e, requestedBy } : e,
      );
      const refused = events.find((e) => e.type === 'RecognitionRequestRejected');
      // A refusal writes nothing (a refused request leaves the store as it was): the 422 names every reason.
      if (refused?.type === 'RecognitionRequestRejected') throw refusal(request.requestId, refused.reasons);
      const state = await this.store.recordSagaEvents(manager, events, {
        commandId: `recognition:${request.requestId}:request`,
        actor,
        at: now,
      });
      return state.sagas[request.requestId]!;
    });
  }
}

function refusal(requestId: string, reasons: readonly RejectionReason[]): RecognitionError {
  return new RecognitionError(
    'RECOGNITION.REQUEST_REJECTED',
    `request ${requestId} refused: ${reasons.join(', ')}`,
    {
      field: FIELD_OF[reasons[0]!] ?? 'serialStart',
      reasons,
    },
  );
}
