import fc from 'fast-check';
import { DomainError, type InstrumentKind, type Jurisdiction } from '@app/domain';
import type { LedgerCommand, UnitSelection } from './commands';
import { decide } from './decide';
import { evolveAll } from './evolve';
import { allPieces, balanceOf, supplyTotals } from './queries';
import { initialState, type LedgerState } from './state';
import type { AccountType } from './types';

const ACCS: readonly [string, AccountType, Jurisdiction][] = [
  ['gov-cq', 'GOVERNMENT', 'CQ'],
  ['gov-sc', 'GOVERNMENT', 'SC'],
  ['auc', 'AUCTION', 'CQ'],
  ['res', 'RESERVE', 'SC'],
  ['e1', 'ENTERPRISE_HOLDING', 'CQ'],
  ['e2', 'ENTERPRISE_HOLDING', 'SC'],
  ['e3', 'ENTERPRISE_HOLDING', 'CQ'],
  ['sur', 'SURRENDER', 'CQ'],
  ['ret', 'RETIREMENT', 'SC'],
  ['can', 'CANCELLATION', 'NATIONAL'],
];
const names = ACCS.map(([n]) => n).concat(['ghost']);
const setup: LedgerCommand[] = ACCS.map(([accountId, accountType, jurisdiction]) => ({
  type: 'OpenAccount',
  commandId: `open-${accountId}`,
  accountId,
  accountType,
  jurisdiction,
}));

const jur = fc.constantFrom<Jurisdiction>('CQ', 'SC', 'NATIONAL');
const kind = fc.constantFrom<InstrumentKind>('CARBON_ALLOWANCE', 'CQCER', 'POLLUTANT_SO2');
const vintage = fc.constantFrom(2023, 2024);
const acc = fc.constantFrom(...names);
const qty = fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constantFrom(0, -3, 1.5, 10_000));
const selection: fc.Arbitrary<UnitSelection> = fc.oneof(
  fc.record({ by: fc.constant('quantity' as const), quantity: qty, jurisdiction: jur, kind, vintage }),
  fc
    .tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 40 }))
    .map(([start, len]) => ({ by: 'serials' as const, start, end: start + len })),
);
// Mostly fresh ids; sometimes an id reused (a retry of a different body must be rejected).
const cid = fc.oneof(
  { weight: 9, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom('dup-1', 'dup-2') },
);
const holder = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('gov-cq', 'gov-sc', 'e1', 'e2', 'e3', 'auc', 'res') },
  { weight: 1, arbitrary: acc },
);
const target = (t: string) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(t) }, { weight: 1, arbitrary: acc });
const sel = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      by: fc.constant('quantity' as const),
      quantity: fc.integer({ min: 1, max: 30 }),
      jurisdiction: fc.constant<Jurisdiction>('CQ'),
      kind: fc.constant<InstrumentKind>('CARBON_ALLOWANCE'),
      vintage: fc.constant(2024),
    }),
  },
  { weight: 2, arbitrary: selection },
);

const command: fc.Arbitrary<LedgerCommand> = fc.oneof(
  fc.record({
    type: fc.constant('IssueUnits' as const),
    commandId: cid,
    accountId: holder,
    jurisdiction: jur,
    kind,
    vintage,
    quantity: qty,
    projectId: fc.constant('P-1'),
  }),
  fc.record({
    type: fc.constant('IssueUnits' as const),
    commandId: cid,
    accountId: holder,
    jurisdiction: fc.constant<Jurisdiction>('CQ'),
    kind: fc.constant<InstrumentKind>('CARBON_ALLOWANCE'),
    vintage: fc.constant(2024),
    quantity: fc.integer({ min: 1, max: 80 }),
  }),
  fc.record({
    type: fc.constant('TransferUnits' as const),
    commandId: cid,
    from: holder,
    to: holder,
    selection: sel,
  }),
  fc.record({
    type: fc.constant('SurrenderUnits' as const),
    commandId: cid,
    from: holder,
    to: target('sur'),
    selection: sel,
    complianceYear: vintage,
  }),
  fc.record({
    type: fc.constant('RetireUnits' as const),
    commandId: cid,
    from: holder,
    to: target('ret'),
    selection: sel,
    beneficiary: fc.constant('B'),
  }),
  fc.record({
    type: fc.constant('CancelUnits' as const),
    commandId: cid,
    from: holder,
    to: target('can'),
    selection: sel,
    reason: fc.constant('r'),
  }),
  fc.record({
    type: fc.constant('LockUnits' as const),
    commandId: cid,
    accountId: holder,
    lockId: fc.constantFrom('L1', 'L2'),
    selection: sel,
    reason: fc.constant('rec'),
  }),
  fc.record({
    type: fc.constant('UnlockUnits' as const),
    commandId: cid,
    lockId: fc.constantFrom('L1', 'L2'),
  }),
);

function assertInvariants(s: LedgerState): void {
  // Conservation per jurisdiction × kind × vintage.
  for (const [key, t] of supplyTotals(s)) {
    expect({ key, issued: t.issued }).toEqual({
      key,
      issued: t.held + t.surrendered + t.cancelled + t.retired,
    });
  }
  // Ranges disjoint, sorted, inside their block, and covering every issued serial exactly once.
  for (const [accountId, list] of Object.entries(s.holdings)) {
    list.forEach((p, i) => {
      expect(p.accountId).toBe(accountId);
      if (i > 0) expect(p.start).toBeGreaterThan(list[i - 1]!.end);
    });
  }
  const pieces = allPieces(s);
  let covered = 0;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const b = s.blocks[p.blockId]!;
    expect(p.start).toBeLessThanOrEqual(p.end);
    expect(p.start >= b.start && p.end <= b.end).toBe(true);
    if (i > 0) expect(p.start).toBeGreaterThan(pieces[i - 1]!.end);
    covered += p.end - p.start + 1;
    if (p.lockId !== undefined) expect(s.locks[p.lockId]?.accountId).toBe(p.accountId);
  }
  expect(covered).toBe(s.nextSerial - 1);
  for (const a of Object.keys(s.accounts)) expect(balanceOf(s, a)).toBeGreaterThanOrEqual(0);
}

const accepted: Record<string, number> = {};
const rejected: Record<string, number> = {};

describe('ledger properties on random command sequences', () => {
  afterAll(() => {
    // The generator must actually exercise every kind of state change, not only rejections.
    for (const t of [
      'IssueUnits',
      'TransferUnits',
      'SurrenderUnits',
      'RetireUnits',
      'CancelUnits',
      'LockUnits',
      'UnlockUnits',
    ]) {
      if ((accepted[t] ?? 0) <= 10)
        throw new Error(
          `only ${accepted[t] ?? 0} accepted ${t}: ${JSON.stringify(accepted)} ${JSON.stringify(rejected)}`,
        );
      expect(accepted[t] ?? 0).toBeGreaterThan(10);
    }
  });

  it('conserves units, never double-places a serial, never goes negative, and rejections change nothing', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 30, maxLength: 80 }), (cmds) => {
        const opened = setup.reduce((st, c) => evolveAll(st, decide(c, st)), initialState);
        let s = opened;
        const history: LedgerCommand[] = [];
        for (const c of cmds) {
          let events;
          try {
            events = decide(c, s);
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            const code = (e as DomainError).code;
            rejected[code] = (rejected[code] ?? 0) + 1;
            continue; // the state is untouched: decide is pure and we keep `s`
          }
          const next = evolveAll(s, events);
          // Retry idempotence: the same command again yields no events.
          expect(decide(c, next)).toEqual([]);
          s = next;
          history.push(c);
          accepted[c.type] = (accepted[c.type] ?? 0) + 1;
          assertInvariants(s);
        }
        // Replaying the whole history, with every command retried, yields the same state.
        const replay = [...history, ...history].reduce((st, c) => evolveAll(st, decide(c, st)), opened);
        expect(replay.holdings).toEqual(s.holdings);
      }),
      { numRuns: 200, seed: 20241124 },
    );
  });

  it('events decided against a stale state are refused (LEDGER.STALE_EVENT) or keep every invariant', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(command, fc.boolean()), { minLength: 30, maxLength: 80 }), (steps) => {
        let s = setup.reduce((st, c) => evolveAll(st, decide(c, st)), initialState);
        let prev = s;
        for (const [c, useStale] of steps) {
          const basis = useStale ? prev : s;
          let events;
          try {
            events = decide(c, basis);
          } catch {
            continue;
          }
          try {
            const next = evolveAll(s, events);
            prev = s;
            s = next;
            assertInvariants(s);
          } catch (e) {
            expect((e as DomainError).code).toBe('LEDGER.STALE_EVENT');
          }
        }
      }),
      { numRuns: 150, seed: 99 },
    );
  });
});
