import { DomainError } from '@app/domain';
import type { LedgerCommand } from './commands';
import { evolveAll } from './evolve';
import { historyOfSerial } from './history';
import { balanceOf, handle, supplyTotals } from './queries';
import { initialState, journalEvents, type LedgerState } from './state';
import { decide } from './decide';

const run = (cmds: readonly LedgerCommand[], s: LedgerState = initialState): LedgerState =>
  cmds.reduce((st, c) => handle(st, c).state, s);

const accounts: LedgerCommand[] = [
  {
    type: 'OpenAccount',
    commandId: 'o1',
    accountId: 'CQ-GOV',
    accountType: 'GOVERNMENT',
    jurisdiction: 'CQ',
  },
  {
    type: 'OpenAccount',
    commandId: 'o2',
    accountId: 'steel',
    accountType: 'ENTERPRISE_HOLDING',
    jurisdiction: 'CQ',
    ownerId: 'E1',
  },
  {
    type: 'OpenAccount',
    commandId: 'o3',
    accountId: 'cement',
    accountType: 'ENTERPRISE_HOLDING',
    jurisdiction: 'CQ',
    ownerId: 'E2',
  },
  { type: 'OpenAccount', commandId: 'o4', accountId: 'CQ-SUR', accountType: 'SURRENDER', jurisdiction: 'CQ' },
  {
    type: 'OpenAccount',
    commandId: 'o5',
    accountId: 'CQ-RET',
    accountType: 'RETIREMENT',
    jurisdiction: 'CQ',
  },
  {
    type: 'OpenAccount',
    commandId: 'o6',
    accountId: 'CQ-CAN',
    accountType: 'CANCELLATION',
    jurisdiction: 'CQ',
  },
];
const issue1000: LedgerCommand = {
  type: 'IssueUnits',
  commandId: 'i1',
  accountId: 'CQ-GOV',
  jurisdiction: 'CQ',
  kind: 'CARBON_ALLOWANCE',
  vintage: 2024,
  quantity: 1000,
};
const cea = { by: 'quantity', jurisdiction: 'CQ', kind: 'CARBON_ALLOWANCE', vintage: 2024 } as const;

describe('ledger: given 1,000 CQ 2024 allowances issued as serials 1–1,000 to the government account', () => {
  const given = run([...accounts, issue1000]);

  it('surrender, retirement (with beneficiary) and cancellation keep issued = held + surrendered + retired + cancelled', () => {
    const s = run(
      [
        {
          type: 'TransferUnits',
          commandId: 'a',
          from: 'CQ-GOV',
          to: 'steel',
          selection: { ...cea, quantity: 500 },
        },
        {
          type: 'SurrenderUnits',
          commandId: 'b',
          from: 'steel',
          to: 'CQ-SUR',
          selection: { ...cea, quantity: 200 },
          complianceYear: 2024,
        },
        {
          type: 'RetireUnits',
          commandId: 'c',
          from: 'steel',
          to: 'CQ-RET',
          selection: { ...cea, quantity: 50 },
          beneficiary: 'Chongqing Marathon 2025',
        },
        {
          type: 'CancelUnits',
          commandId: 'd',
          from: 'CQ-GOV',
          to: 'CQ-CAN',
          selection: { ...cea, quantity: 25 },
          reason: 'unused government reserve',
        },
      ],
      given,
    );
    expect(supplyTotals(s).get('CQ|CARBON_ALLOWANCE|2024')).toEqual({
      issued: 1000,
      held: 725,
      surrendered: 200,
      retired: 50,
      cancelled: 25,
      locked: 0,
    });
    expect(() =>
      decide(
        {
          type: 'TransferUnits',
          commandId: 'e',
          from: 'CQ-SUR',
          to: 'steel',
          selection: { ...cea, quantity: 1 },
        },
        s,
      ),
    ).toThrow('LEDGER.TERMINAL_ACCOUNT');

    const h = historyOfSerial(s, 250);
    expect(h?.accountId).toBe('CQ-RET');
    expect(h?.events.map((e) => e.type)).toEqual(['UnitsIssued', 'UnitsTransferred', 'UnitsRetired']);
    expect(h?.events[2]).toEqual(
      expect.objectContaining({ from: 'steel', to: 'CQ-RET', beneficiary: 'Chongqing Marathon 2025' }),
    );
    expect(historyOfSerial(s, 100)?.events.map((e) => e.type)).toEqual([
      'UnitsIssued',
      'UnitsTransferred',
      'UnitsSurrendered',
    ]);
    expect(historyOfSerial(s, 5000)).toBeUndefined();
  });

  it('credits need a project id; replaying the journal rebuilds the same state', () => {
    expect(() =>
      decide(
        {
          type: 'IssueUnits',
          commandId: 'c1',
          accountId: 'CQ-GOV',
          jurisdiction: 'CQ',
          kind: 'CQCER',
          vintage: 2023,
          quantity: 5,
        },
        given,
      ),
    ).toThrow(DomainError);
    const s = run(
      [
        {
          type: 'IssueUnits',
          commandId: 'c2',
          accountId: 'CQ-GOV',
          jurisdiction: 'CQ',
          kind: 'CQCER',
          vintage: 2023,
          projectId: 'CQ-FOR-001',
          quantity: 5,
        },
      ],
      given,
    );
    expect(s.blocks['B2']).toEqual({
      blockId: 'B2',
      jurisdiction: 'CQ',
      kind: 'CQCER',
      vintage: 2023,
      projectId: 'CQ-FOR-001',
      start: 1001,
      end: 1005,
    });
    expect(evolveAll(initialState, journalEvents(s))).toEqual(s);
  });
});

describe('ledger: two partial transfers of the same serials decided against the same state', () => {
  const given = run([...accounts, issue1000]);
  it('the second, stale event is refused (LEDGER.STALE_EVENT); no serial ends up in two places', () => {
    const a = decide(
      {
        type: 'TransferUnits',
        commandId: 'p1',
        from: 'CQ-GOV',
        to: 'steel',
        selection: { by: 'serials', start: 1, end: 600 },
      },
      given,
    );
    const b = decide(
      {
        type: 'TransferUnits',
        commandId: 'p2',
        from: 'CQ-GOV',
        to: 'cement',
        selection: { by: 'serials', start: 401, end: 1000 },
      },
      given,
    );
    const afterA = evolveAll(given, a);
    expect(() => evolveAll(afterA, b)).toThrow('LEDGER.STALE_EVENT');
    expect(balanceOf(afterA, 'steel') + balanceOf(afterA, 'CQ-GOV')).toBe(1000);
  });
});
