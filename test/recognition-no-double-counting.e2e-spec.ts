import fc from 'fast-check';
import { allPieces, type LedgerState } from '@app/ledger';
import { parseAppConfig, RunningService, startService } from '@app/platform';
import { isTerminal, type RecognitionState } from '@app/recognition';
import { registryService } from '../apps/registry/src/registry.app';
import { RECOGNITION_CLOCK, type Clock } from '../apps/registry/src/recognition/recognition-clock';
import { RecognitionStore } from '../apps/registry/src/recognition/recognition-store';
import { REGISTRY_PORT, type RegistryPort } from '../apps/registry/src/shared/registry-streams';
import { EventStore } from '@app/event-store';
import { eventually, postJson } from './support/http';
import { adoptMarketModeInStore } from './support/market-mode';
import { adoptChengyuAgreement, issueCredits, openAccount } from './support/recognition';

const BLOCK = 30;
/** Each run's origin blocks: a Sichuan 碳惠天府 block and a Chongqing CQCER block (1:1 both ways in 2026.1). */
const ORIGIN = { SC: { kind: 'TANHUI_TIANFU', other: 'CQ' }, CQ: { kind: 'CQCER', other: 'SC' } } as const;
type Province = keyof typeof ORIGIN;

interface Ask {
  origin: Province;
  /** The block's holder asks, or someone else (the origin refuses: not the holder's units). */
  byHolder: boolean;
  start: number;
  len: number;
  use: 'compliance-offset' | 'voluntary-retirement';
}

const askArb: fc.Arbitrary<Ask> = fc.record({
  origin: fc.constantFrom<Province>('SC', 'CQ'),
  byHolder: fc.integer({ min: 0, max: 6 }).map((n) => n > 0),
  start: fc.integer({ min: 0, max: BLOCK - 1 }),
  len: fc.integer({ min: 1, max: 12 }),
  use: fc.constantFrom('compliance-offset' as const, 'voluntary-retirement' as const),
});

/**
 * Random concurrent requests over overlapping serials, through the API on embedded PGlite: some by the
 * holder, some not, some holders without an account in the destination. Once every saga settled, a serial
 * is usable in at most one registry, recognised units equal the origin units cancelled for them, and for
 * every credit kind the units usable anywhere plus those cancelled for recognition equal what the origin
 * ever issued (no unit created or lost).
 */
describe('recognition never counts a unit twice (random concurrent requests)', () => {
  let service: RunningService;
  let url: string;
  let registry: RegistryPort;
  let store: RecognitionStore;

  beforeAll(async () => {
    service = await startService(registryService(parseAppConfig({ PORT: '0', LOG_LEVEL: 'silent' })));
    url = service.url;
    service.app.get<Clock>(RECOGNITION_CLOCK, { strict: false }).now = () =>
      Date.parse('2026-06-01T00:00:00Z');
    registry = service.app.get(REGISTRY_PORT, { strict: false });
    store = service.app.get(RecognitionStore, { strict: false });
    await adoptChengyuAgreement(url);
    await adoptMarketModeInStore(service.app.get(EventStore, { strict: false }));
  });
  afterAll(() => service?.close());

  let run = 0;
  it('holds for every run', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(askArb, { minLength: 2, maxLength: 7 }),
        fc.boolean(),
        async (asks, destinationAccounts) => {
          run++;
          const holder = { SC: `sc-h${run}`, CQ: `cq-h${run}` };
          const first: Record<Province, number> = { SC: 0, CQ: 0 };
          for (const origin of ['SC', 'CQ'] as const) {
            first[origin] = await issueCredits(url, origin, holder[origin], {
              commandId: `issue-${run}-${origin}`,
              kind: ORIGIN[origin].kind,
              vintage: 2025,
              projectId: `p${run}`,
              quantity: BLOCK,
            });
            // The other holder's account lets a "not the holder's" request name an existing account.
            await openAccount(url, origin, holder[ORIGIN[origin].other]);
            if (destinationAccounts) await openAccount(url, ORIGIN[origin].other, holder[origin]);
          }
          const answers = await Promise.all(
            asks.map((a, i) =>
              postJson(`${url}/recognition/requests`, {
                requestId: `run${run}-${i}`,
                actor: 'holder',
                holderId: a.byHolder ? holder[a.origin] : holder[ORIGIN[a.origin].other],
                origin: a.origin,
                destination: ORIGIN[a.origin].other,
                serialStart: first[a.origin] + a.start,
                serialEnd: first[a.origin] + Math.min(BLOCK - 1, a.start + a.len - 1),
                projectType: 'rooftop-solar',
                use: a.use,
              }),
            ),
          );
          for (const a of answers) expect([202, 422]).toContain(a.status);
          const sagas = await eventually(
            async () => {
              const { state } = await store.loadSagas();
              return Object.values(state.sagas).every((s) => isTerminal(s.status)) ? state : undefined;
            },
            30_000,
            'every saga to settle',
          );
          await checkInvariants(sagas, {
            SC: (await registry.load('SC')).ledger,
            CQ: (await registry.load('CQ')).ledger,
          });
        },
      ),
      { numRuns: 8, seed: 20261124 },
    );
  }, 300_000);
});

const size = (r: { start: number; end: number }) => r.end - r.start + 1;

function unitsAt(ledger: LedgerState, range: { start: number; end: number }) {
  return allPieces(ledger)
    .filter((p) => p.end >= range.start && p.start <= range.end)
    .map((p) => ({ ...p, type: ledger.accounts[p.accountId]!.accountType }));
}

async function checkInvariants(state: RecognitionState, ledgers: Record<Province, LedgerState>) {
  const recognisedCancelled: Record<string, number> = {};
  for (const s of Object.values(state.sagas)) {
    const { origin, destination, kind } = s.request;
    const originPieces = unitsAt(ledgers[origin], s.request.range);
    // No saga leaves a lock behind.
    expect(originPieces.filter((p) => p.lockId === `recognition:${s.requestId}`)).toEqual([]);
    if (s.status === 'completed') {
      // The origin range is cancelled; the recognised units live in the destination only, usable.
      expect(originPieces.every((p) => p.accountId === `${origin}-CANCELLATION`)).toBe(true);
      const dest = unitsAt(ledgers[destination], s.destinationRange!);
      expect(dest.reduce((n, p) => n + size(p), 0)).toBe(s.destinationQuantity);
      expect(dest.every((p) => p.type === 'ENTERPRISE_HOLDING' && p.lockId === undefined)).toBe(true);
      expect(s.destinationQuantity).toBe(s.originQuantity);
      recognisedCancelled[kind] = (recognisedCancelled[kind] ?? 0) + s.originQuantity;
    }
    if (s.status === 'compensated' && s.destinationRange)
      expect(unitsAt(ledgers[destination], s.destinationRange).every((p) => p.type === 'CANCELLATION')).toBe(
        true,
      );
  }
  // Two completed recognitions never share an origin serial.
  const completed = Object.values(state.sagas).filter((s) => s.status === 'completed');
  for (const a of completed)
    for (const b of completed)
      if (a !== b && a.request.origin === b.request.origin)
        expect(
          a.request.range.end < b.request.range.start || b.request.range.end < a.request.range.start,
        ).toBe(true);
  // Per kind: usable at origin + usable (recognised) at destination + cancelled for recognition = issued at origin.
  for (const origin of ['SC', 'CQ'] as const) {
    const { kind, other } = ORIGIN[origin];
    const usable = (l: LedgerState) =>
      allPieces(l)
        .filter(
          (p) =>
            l.blocks[p.blockId]!.kind === kind &&
            !p.lockId &&
            l.accounts[p.accountId]!.accountType === 'ENTERPRISE_HOLDING',
        )
        .reduce((n, p) => n + size(p), 0);
    const issued = Object.values(ledgers[origin].blocks)
      .filter((b) => b.kind === kind)
      .reduce((n, b) => n + size(b), 0);
    expect(usable(ledgers[origin]) + (recognisedCancelled[kind] ?? 0)).toBe(issued);
    expect(usable(ledgers[other])).toBe(recognisedCancelled[kind] ?? 0);
  }
}
