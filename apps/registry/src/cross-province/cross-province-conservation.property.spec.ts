import fc from 'fast-check';
import { DomainError } from '@app/domain';
import { supplyTotals, type LedgerState } from '@app/ledger';
import { InMemoryRegistry } from '../shared/in-memory-registry';
import type { LoadedRegistry } from '../shared/registry-state';
import { decisionBody, givenTwoProvinces, requestBody, testClock } from './cross-province-fixture';
import { CrossProvinceTransfers } from './cross-province-transfers';
import { planDecideTransfer } from './decide-transfer/plan-decide-transfer';

const FIRST_ISSUED = 100 + 30; // CQ cq-chem-01 and SC sc-smelter-03, SO2 of 2025
const REGULATOR = { CQ: 'CQ-EEB', SC: 'SC-DEE' } as const;

type Op =
  | { op: 'request'; toSc: boolean; quantity: number; hours: number }
  | { op: 'decide'; t: number; outflow: boolean; approve: boolean; rightRegulator: boolean; crash: boolean }
  | { op: 'advance'; hours: number }
  | { op: 'sweep' }
  | { op: 'retry'; back: number };

const mostly = fc.oneof(
  { weight: 4, arbitrary: fc.constant(true) },
  { weight: 1, arbitrary: fc.constant(false) },
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('request' as const),
    toSc: fc.boolean(),
    quantity: fc.integer({ min: 1, max: 45 }),
    hours: fc.integer({ min: 1, max: 48 }),
  }),
  fc.record({
    op: fc.constant('decide' as const),
    t: fc.nat(2),
    outflow: fc.boolean(),
    approve: mostly,
    rightRegulator: mostly,
    crash: fc.boolean(),
  }),
  fc.record({ op: fc.constant('advance' as const), hours: fc.integer({ min: 0, max: 30 }) }),
  fc.constant({ op: 'sweep' as const }),
  fc.record({ op: fc.constant('retry' as const), back: fc.nat(5) }),
);

const so2 = (ledger: LedgerState, j: 'CQ' | 'SC') =>
  supplyTotals(ledger).get(`${j}|POLLUTANT_SO2|2025`) ?? {
    issued: 0,
    held: 0,
    surrendered: 0,
    cancelled: 0,
    retired: 0,
    locked: 0,
  };

function checkInvariants(cq: LoadedRegistry, sc: LoadedRegistry): void {
  const both = [
    { j: 'CQ' as const, r: cq, other: sc },
    { j: 'SC' as const, r: sc, other: cq },
  ];
  let inFlight = 0;
  for (const { j, r, other } of both) {
    const t = so2(r.ledger, j);
    expect(t.issued).toBe(t.held + t.surrendered + t.cancelled + t.retired);
    const outgoing = Object.values(r.records.crossProvince.outgoing);
    // locked = what pending requests hold; nothing else is locked
    expect(t.locked).toBe(
      outgoing.filter((o) => o.status === 'pending').reduce((s, o) => s + o.request.quantity, 0),
    );
    // cancelled here = transfers that departed (the only cancellations in this test)
    const departed = outgoing.filter((o) => o.status === 'departed' || o.status === 'completed');
    expect(t.cancelled).toBe(departed.reduce((s, o) => s + o.request.quantity, 0));
    for (const o of departed) {
      const arrived = other.records.crossProvince.incoming[o.request.transferId];
      if (o.status === 'completed') expect(arrived?.quantity).toBe(o.request.quantity);
      if (!arrived) inFlight += o.request.quantity;
    }
  }
  // every unit first issued is held in exactly one province, or cancelled at origin and not yet arrived
  expect(so2(cq.ledger, 'CQ').held + so2(sc.ledger, 'SC').held + inFlight).toBe(FIRST_ISSUED);
}

describe('cross-province transfers: conservation under random requests, decisions, crashes, timeouts and retries', () => {
  it('property', async () => {
    const seen = { completed: 0, rejected: 0, expired: 0, recoveredBySweep: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 40 }), async (ops) => {
        const registry = new InMemoryRegistry();
        await givenTwoProvinces(registry);
        const clock = testClock();
        const transfers = new CrossProvinceTransfers(registry, clock);
        const ids: { id: string; from: 'CQ' | 'SC'; to: 'CQ' | 'SC' }[] = [];
        const done: (() => Promise<unknown>)[] = [];
        for (const [i, op] of ops.entries()) {
          const before = registry.appended.length;
          let run: (() => Promise<unknown>) | undefined;
          if (op.op === 'request') {
            const from = op.toSc ? 'CQ' : 'SC';
            const to = op.toSc ? 'SC' : 'CQ';
            const body = requestBody({
              commandId: `req-${i}`,
              transferId: `xp-${i}`,
              from,
              to,
              sellerAccountId: op.toSc ? 'cq-chem-01' : 'sc-smelter-03',
              buyerAccountId: op.toSc ? 'sc-paper-02' : 'cq-steel-02',
              quantity: op.quantity,
              approvalWindowHours: op.hours,
            });
            run = () => transfers.request(body);
            ids.push({ id: `xp-${i}`, from, to });
          } else if (op.op === 'decide' && ids.length > 0) {
            const t = ids[ids.length - 1 - (op.t % ids.length)]!; // mostly the latest requests
            const side = op.outflow ? 'outflow' : 'inflow';
            const own = op.outflow ? t.from : t.to;
            const regulator = op.rightRegulator ? REGULATOR[own] : REGULATOR[own === 'CQ' ? 'SC' : 'CQ'];
            const body = decisionBody(
              `d-${i}`,
              regulator,
              op.approve ? {} : { decision: 'reject', reason: 'random refusal' },
            );
            run = op.crash
              ? () =>
                  registry.execute({ jurisdiction: t.from, commandId: `d-${i}`, actor: 'crash' }, (r) =>
                    planDecideTransfer(r, t.id, side, body, clock.now()),
                  )
              : () => transfers.decide(t.id, side, body);
          } else if (op.op === 'advance') clock.advanceHours(op.hours);
          else if (op.op === 'sweep') run = () => transfers.sweep('scheduler');
          else if (op.op === 'retry' && done.length > 0) {
            await done[Math.max(0, done.length - 1 - op.back)]!().catch(() => undefined);
          }
          if (run) {
            const ok = await run().then(
              () => true,
              (e: unknown) => {
                if (!(e instanceof DomainError)) throw e;
                return false;
              },
            );
            if (ok) done.push(run);
            // a refused command appends nothing
            else expect(registry.appended).toHaveLength(before);
          }
          checkInvariants(await registry.load('CQ'), await registry.load('SC'));
        }
        seen.recoveredBySweep += (await transfers.sweep('scheduler')).completed.length;
        const cq = await registry.load('CQ');
        const sc = await registry.load('SC');
        checkInvariants(cq, sc);
        expect(Object.values(cq.records.crossProvince.outgoing).some((o) => o.status === 'departed')).toBe(
          false,
        );
        expect(Object.values(sc.records.crossProvince.outgoing).some((o) => o.status === 'departed')).toBe(
          false,
        );
        expect(so2(cq.ledger, 'CQ').held + so2(sc.ledger, 'SC').held).toBe(FIRST_ISSUED);
        for (const o of [
          ...Object.values(cq.records.crossProvince.outgoing),
          ...Object.values(sc.records.crossProvince.outgoing),
        ])
          if (o.status === 'completed' || o.status === 'rejected' || o.status === 'expired') seen[o.status]++;
      }),
      { numRuns: 60, seed: 20_260_302 },
    );
    // the generated runs reach every ending, including recovery after a crash
    expect(seen.completed).toBeGreaterThan(0);
    expect(seen.rejected).toBeGreaterThan(0);
    expect(seen.expired).toBeGreaterThan(0);
    expect(seen.recoveredBySweep).toBeGreaterThan(0);
  });
});
