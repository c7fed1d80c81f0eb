import { Inject, Injectable } from '@nestjs/common';
import { isTerminal, RecognitionError, type SagaState } from '@app/recognition';
import { REGISTRY_JURISDICTIONS } from '../../shared/registry-jurisdiction';
import { REGISTRY_PORT, type RegistryPort } from '../../shared/registry-streams';
import { RecognitionStore } from '../recognition-store';
import { recognitionRequestView, type RecognitionRequestView } from './recognition-request.view';

export const REQUEST_FILTERS = ['pending', 'completed', 'compensated', 'all'] as const;
export type RequestFilter = (typeof REQUEST_FILTERS)[number];

const matches = (s: SagaState, filter: RequestFilter): boolean =>
  filter === 'all' || (filter === 'pending' ? !isTerminal(s.status) : s.status === filter);

/** The read side of the requests: the saga stream folded, with the serials' texts and places from both registries. */
@Injectable()
export class RecognitionRequests {
  constructor(
    private readonly store: RecognitionStore,
    @Inject(REGISTRY_PORT) private readonly registry: RegistryPort,
  ) {}

  private async ledgers() {
    const entries = await Promise.all(
      REGISTRY_JURISDICTIONS.map(async (j) => [j, (await this.registry.load(j)).ledger] as const),
    );
    return Object.fromEntries(entries);
  }

  async view(requestId: string): Promise<RecognitionRequestView> {
    const [loaded, ledgers] = await Promise.all([this.store.loadSagas(), this.ledgers()]);
    const saga = loaded.state.sagas[requestId];
    if (!saga)
      throw new RecognitionError('RECOGNITION.UNKNOWN_REQUEST', `no recognition request ${requestId}`, {
        field: 'requestId',
      });
    return recognitionRequestView(saga, loaded.events, ledgers);
  }

  /**
   * Requests in which `registry` is origin or destination (all when undefined), oldest first; only
   * `holderId`'s, and only those touching `province` (a regulator's), when given.
   */
  async list(
    registry: string | undefined,
    filter: RequestFilter,
    scope: { holderId?: string; province?: string } = {},
  ): Promise<RecognitionRequestView[]> {
    const [loaded, ledgers] = await Promise.all([this.store.loadSagas(), this.ledgers()]);
    const touches = (s: SagaState, j: string | undefined) =>
      !j || s.request.origin === j || s.request.destination === j;
    return Object.values(loaded.state.sagas)
      .filter((s) => touches(s, registry) && touches(s, scope.province))
      .filter((s) => scope.holderId === undefined || s.request.holderId === scope.holderId)
      .filter((s) => matches(s, filter))
      .sort(
        (a, b) => a.request.requestedAtMs - b.request.requestedAtMs || (a.requestId < b.requestId ? -1 : 1),
      )
      .map((s) => recognitionRequestView(s, loaded.events, ledgers));
  }
}
