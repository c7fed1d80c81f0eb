import type { LedgerCommand } from './commands';
import { allPieces, balanceOf, handle, piecesOf } from './queries';
import { initialState, type LedgerState } from './state';
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

  it('a partial transfer of 300 splits the block: 1–300 to steel, 301–1,000 stay', () => {
    const { state, events } = handle(given, {
      type: 'TransferUnits',
      commandId: 't1',
      from: 'CQ-GOV',
      to: 'steel',
      selection: { ...cea, quantity: 300 },
    });
    expect(events).toEqual([
      expect.objectContaining({
        type: 'UnitsTransferred',
        ranges: [{ blockId: 'B1', start: 1, end: 300 }],
        quantity: 300,
      }),
    ]);
    expect(balanceOf(state, 'steel')).toBe(300);
    expect(balanceOf(state, 'CQ-GOV')).toBe(700);
    expect(allPieces(state).map((p) => [p.start, p.end, p.accountId])).toEqual([
      [1, 300, 'steel'],
      [301, 1000, 'CQ-GOV'],
    ]);
  });

  it('an explicit serial range 401–450 can be moved out of the middle', () => {
    const s = run(
      [
        {
          type: 'TransferUnits',
          commandId: 't2',
          from: 'CQ-GOV',
          to: 'cement',
          selection: { by: 'serials', start: 401, end: 450 },
        },
      ],
      given,
    );
    expect(allPieces(s).map((p) => [p.start, p.end, p.accountId])).toEqual([
      [1, 400, 'CQ-GOV'],
      [401, 450, 'cement'],
      [451, 1000, 'CQ-GOV'],
    ]);
  });

  it('rejects more than held with LEDGER.INSUFFICIENT_UNITS and changes nothing', () => {
    expect(() =>
      decide(
        {
          type: 'TransferUnits',
          commandId: 't3',
          from: 'CQ-GOV',
          to: 'steel',
          selection: { ...cea, quantity: 1001 },
        },
        given,
      ),
    ).toThrow('LEDGER.INSUFFICIENT_UNITS');
  });

  it('rejects unknown accounts, bad quantities and transfers into terminal accounts', () => {
    const t = (c: LedgerCommand) => () => decide(c, given);
    expect(
      t({
        type: 'TransferUnits',
        commandId: 'x',
        from: 'CQ-GOV',
        to: 'nobody',
        selection: { ...cea, quantity: 1 },
      }),
    ).toThrow('LEDGER.UNKNOWN_ACCOUNT');
    expect(
      t({
        type: 'TransferUnits',
        commandId: 'x',
        from: 'CQ-GOV',
        to: 'steel',
        selection: { ...cea, quantity: 0 },
      }),
    ).toThrow('LEDGER.BAD_QUANTITY');
    expect(
      t({
        type: 'TransferUnits',
        commandId: 'x',
        from: 'CQ-GOV',
        to: 'steel',
        selection: { ...cea, quantity: 1.5 },
      }),
    ).toThrow('LEDGER.BAD_QUANTITY');
    expect(
      t({
        type: 'TransferUnits',
        commandId: 'x',
        from: 'CQ-GOV',
        to: 'CQ-SUR',
        selection: { ...cea, quantity: 1 },
      }),
    ).toThrow('LEDGER.WRONG_ACCOUNT_TYPE');
    expect(
      t({
        type: 'TransferUnits',
        commandId: 'x',
        from: 'steel',
        to: 'cement',
        selection: { by: 'serials', start: 1, end: 2 },
      }),
    ).toThrow('LEDGER.SERIALS_NOT_HELD');
  });

  it('a retry with the same command id yields no new events; a different body under that id is rejected', () => {
    const cmd: LedgerCommand = {
      type: 'TransferUnits',
      commandId: 't4',
      from: 'CQ-GOV',
      to: 'steel',
      selection: { ...cea, quantity: 10 },
    };
    const once = handle(given, cmd).state;
    expect(decide(cmd, once)).toEqual([]);
    expect(() => decide({ ...cmd, to: 'cement' }, once)).toThrow('LEDGER.COMMAND_ID_REUSED');
    expect(balanceOf(once, 'steel')).toBe(10);
  });

  it('locked units cannot move until unlocked (cross-province recognition hold)', () => {
    const s = run(
      [
        {
          type: 'TransferUnits',
          commandId: 't5',
          from: 'CQ-GOV',
          to: 'steel',
          selection: { ...cea, quantity: 100 },
        },
        {
          type: 'LockUnits',
          commandId: 'l1',
          accountId: 'steel',
          lockId: 'REC-1',
          selection: { ...cea, quantity: 60 },
          reason: 'recognition SC',
        },
      ],
      given,
    );
    expect(balanceOf(s, 'steel', { lock: 'unlocked' })).toBe(40);
    expect(() =>
      decide(
        {
          type: 'TransferUnits',
          commandId: 't6',
          from: 'steel',
          to: 'cement',
          selection: { ...cea, quantity: 50 },
        },
        s,
      ),
    ).toThrow('LEDGER.UNITS_LOCKED');
    expect(() =>
      decide(
        {
          type: 'TransferUnits',
          commandId: 't6',
          from: 'steel',
          to: 'cement',
          selection: { by: 'serials', start: 1, end: 1 },
        },
        s,
      ),
    ).toThrow('LEDGER.UNITS_LOCKED');
    const u = run([{ type: 'UnlockUnits', commandId: 'u1', lockId: 'REC-1' }], s);
    expect(balanceOf(u, 'steel', { lock: 'unlocked' })).toBe(100);
    expect(piecesOf(u, 'steel')).toEqual([{ blockId: 'B1', start: 1, end: 100, accountId: 'steel' }]);
  });
});
